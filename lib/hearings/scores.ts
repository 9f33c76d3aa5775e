// A reviewer's score of one proposal at one hearing: saved as a draft, submitted, changed until the hearing closes.
import "server-only";
import { randomUUID } from "node:crypto";
import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import { type RunSql, sqlQuery, type Tx, viaTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, auditInsert, auditWritten } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { type Criterion, DEFAULT_RUBRIC, scoreProblem, weightedTotal } from "@/lib/hearings/scoring";
import type { Verdict } from "@/lib/generated/prisma/enums";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

export type ScoreInput = {
  assignmentId: string;
  /** The version of the reviewer's score this form was based on (absent for the first save). */
  version?: number;
  values: Record<string, number | null>;
  comment: string | null;
  recommendation: Verdict | null;
  submit: boolean;
};

/** What a save needs to know, scoped to the reviewer's own assignment. */
type ScoreContext = {
  assignmentId: string;
  hearingId: string;
  closedAt: Date | null;
  title: string;
  yearId: string;
  scoreVersion: number | null;
  scoreSubmittedAt: Date | null;
  criteria: Criterion[] | null;
  frozenAt: Date | null;
};

/**
 * The assignment with its hearing, project, score and the year's rubric in one statement: on scoring day this is
 * the hot path, and Prisma's include loaded each relation with a query of its own, six round trips (issue 17).
 */
async function scoreContext(run: RunSql, assignmentId: string, reviewerId: string): Promise<ScoreContext | null> {
  const rows = await run<ScoreContext>(Prisma.sql`
    SELECT a."id" AS "assignmentId", i."hearingId", h."closedAt", p."title", p."yearId",
           s."version" AS "scoreVersion", s."submittedAt" AS "scoreSubmittedAt", r."criteria", r."frozenAt"
      FROM "ReviewAssignment" a
      JOIN "HearingItem" i ON i."id" = a."itemId"
      JOIN "Hearing" h ON h."id" = i."hearingId"
      JOIN "Project" p ON p."id" = i."projectId"
      LEFT JOIN "Score" s ON s."assignmentId" = a."id"
      LEFT JOIN "Rubric" r ON r."yearId" = p."yearId"
     WHERE a."id" = ${assignmentId} AND a."reviewerId" = ${reviewerId}`);
  return rows[0] ?? null;
}

/**
 * A score save is two statements: the context read above, then one statement that writes the score, the audit
 * line of a submission and, for the year's first score, the rubric's freeze. One statement is atomic by itself, so
 * the save needs no transaction (BEGIN and COMMIT were two of its six round trips); the version is checked again in
 * the write, so two saves of one version that both read it still store only the first (decision 0113).
 */
async function saveWith(run: RunSql, input: ScoreInput, reviewerId: string, by: By) {
  const now = by.now ?? new Date();
  const context = await scoreContext(run, input.assignmentId, reviewerId);
  if (!context) throw new NotFoundError("评审任务不存在");
  HEARING_MACHINE.assert("score", hearingState(context), "reviewer");
  const hasScore = context.scoreVersion !== null;
  if (hasScore && input.version !== undefined && context.scoreVersion !== input.version) throw new ActionError(STALE_RECORD);

  // The same answer as rubricFor: the year's rubric, or the default one until the admin sets it.
  const criteria = context.criteria ?? DEFAULT_RUBRIC;
  const values: Record<string, number> = {};
  for (const criterion of criteria) {
    const value = input.values[criterion.key];
    if (value !== null && value !== undefined) values[criterion.key] = value;
  }
  // A draft may be partial, but what is there must be a valid score; a submission must be whole.
  const problem = input.submit
    ? scoreProblem(criteria, values)
    : scoreProblem(
        criteria.filter((c) => c.key in values),
        values,
      );
  if (problem) throw new FieldError("values", problem);
  if (input.submit && !input.recommendation) throw new FieldError("recommendation", "请选择评审意见（立项 / 修改后再审 / 不予立项）");
  const complete = criteria.every((criterion) => criterion.key in values);
  const total = complete ? weightedTotal(criteria, values) : null;
  const submittedAt = input.submit ? now : context.scoreSubmittedAt;
  // The first score of the year fixes its rubric: every later score uses the same weights and scales. Written only
  // while it is not frozen yet (the context read the rubric row already), so that a crowd of reviewers does not
  // queue on its row; as INSERT … ON CONFLICT, so that two first scores racing for the same year both pass.
  const freeze = context.frozenAt
    ? Prisma.empty
    : Prisma.sql`frozen AS (
        INSERT INTO "Rubric" ("id", "yearId", "criteria", "frozenAt", "version")
        VALUES (${randomUUID()}, ${context.yearId}, ${JSON.stringify(criteria)}::jsonb, ${now}::timestamptz(3), 1)
        ON CONFLICT ("yearId") DO UPDATE SET "frozenAt" = EXCLUDED."frozenAt" WHERE "Rubric"."frozenAt" IS NULL
      ),`;
  // A submission's audit line, written only if the score was (the CTE returned its row).
  const audit = input.submit
    ? Prisma.sql`, audit AS (${auditInsert(
        {
          actor: by.actor,
          action: "hearing.score",
          entityType: "Hearing",
          entityId: context.hearingId,
          summary: `${context.title}：${total} 分${context.scoreSubmittedAt ? "（修改）" : ""}`,
          details: { values, recommendation: input.recommendation },
          ip: by.ip,
        },
        Prisma.sql`SELECT 1 FROM saved`,
      )})`
    : Prisma.empty;
  // One row per assignment, whatever arrives at once (a double click, two tabs): the unique key decides. Written
  // out rather than Prisma's upsert, which its WebAssembly query compiler compiled on every call (docs/benchmark.md,
  // fifth round).
  // The version is checked again in the update itself: two saves of one version that both passed the check above
  // (the second read before the first was stored) would otherwise both be stored, the first overwritten silently.
  const expected = input.version ?? null;
  const [score] = await run<{ version: number }>(Prisma.sql`
    WITH ${freeze} saved AS (
      INSERT INTO "Score" ("id", "assignmentId", "values", "total", "comment", "recommendation", "submittedAt", "version", "updatedAt")
      VALUES (${randomUUID()}, ${context.assignmentId}, ${JSON.stringify(values)}::jsonb, ${total}::double precision, ${input.comment}::text,
              ${input.recommendation}::"Verdict", ${submittedAt}::timestamptz(3), 0, ${now}::timestamptz(3))
      ON CONFLICT ("assignmentId") DO UPDATE
         SET "values" = EXCLUDED."values", "total" = EXCLUDED."total", "comment" = EXCLUDED."comment",
             "recommendation" = EXCLUDED."recommendation", "submittedAt" = EXCLUDED."submittedAt",
             "version" = "Score"."version" + 1, "updatedAt" = EXCLUDED."updatedAt"
       WHERE ${expected}::int IS NULL OR "Score"."version" = ${expected}::int
      RETURNING "version"
    ) ${audit}
    SELECT "version" FROM saved`);
  if (!score) throw new ActionError(STALE_RECORD);
  if (input.submit) auditWritten();
  return { version: score.version, total, submitted: Boolean(submittedAt) };
}

/** A score saved inside the caller's transaction (the demo's seed; tests that hold a save open). */
export function saveScoreRecord(tx: Tx, input: ScoreInput, reviewerId: string, by: By) {
  return saveWith(viaTx(tx), input, reviewerId, by);
}

/**
 * A score saved on its own, the reviewer's save: its two statements straight through pg (decision 0113). On scoring
 * day hundreds arrive together: a statement waits for a free database connection (up to 20 s, the pool's timeout,
 * lib/db/client.ts) rather than failing.
 */
export function storeScore(input: ScoreInput, reviewerId: string, by: By) {
  return saveWith(sqlQuery, input, reviewerId, by);
}
