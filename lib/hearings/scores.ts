// A reviewer's score of one proposal at one hearing: saved as a draft, submitted, changed until the hearing closes.
import "server-only";
import { randomUUID } from "node:crypto";
import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
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
async function scoreContext(tx: Tx, assignmentId: string, reviewerId: string): Promise<ScoreContext | null> {
  const rows = await tx.$queryRaw<ScoreContext[]>`
    SELECT a."id" AS "assignmentId", i."hearingId", h."closedAt", p."title", p."yearId",
           s."version" AS "scoreVersion", s."submittedAt" AS "scoreSubmittedAt", r."criteria", r."frozenAt"
      FROM "ReviewAssignment" a
      JOIN "HearingItem" i ON i."id" = a."itemId"
      JOIN "Hearing" h ON h."id" = i."hearingId"
      JOIN "Project" p ON p."id" = i."projectId"
      LEFT JOIN "Score" s ON s."assignmentId" = a."id"
      LEFT JOIN "Rubric" r ON r."yearId" = p."yearId"
     WHERE a."id" = ${assignmentId} AND a."reviewerId" = ${reviewerId}`;
  return rows[0] ?? null;
}

export async function saveScoreRecord(tx: Tx, input: ScoreInput, reviewerId: string, by: By) {
  const now = by.now ?? new Date();
  const context = await scoreContext(tx, input.assignmentId, reviewerId);
  if (!context) throw new NotFoundError("评审任务不存在");
  HEARING_MACHINE.assert("score", hearingState(context), "reviewer");
  const hasScore = context.scoreVersion !== null;
  if (hasScore && input.version !== undefined && context.scoreVersion !== input.version) throw new ActionError(STALE_RECORD);

  // The same answer as rubricFor: the year's rubric, or the default one until the admin sets it.
  const criteria = context.criteria ?? DEFAULT_RUBRIC;
  const frozen = Boolean(context.frozenAt);
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
  const data = {
    values,
    total: complete ? weightedTotal(criteria, values) : null,
    comment: input.comment,
    recommendation: input.recommendation,
    submittedAt: input.submit ? now : context.scoreSubmittedAt,
  };
  // The first score of the year fixes its rubric: every later score uses the same weights and scales.
  // Written only while it is not frozen yet, so that a crowd of reviewers does not queue on its row.
  const yearId = context.yearId;
  // (The context read the rubric row in this transaction already: no second read on the hot path.)
  if (!frozen) {
    // INSERT … ON CONFLICT DO NOTHING: Prisma's upsert here is a read then an insert, and two first scores
    // racing for the same year failed on the unique yearId.
    await tx.rubric.createMany({ data: [{ yearId, criteria, frozenAt: now, version: 1 }], skipDuplicates: true });
    await tx.rubric.updateMany({ where: { yearId, frozenAt: null }, data: { frozenAt: now } });
  }
  // One row per assignment, whatever arrives at once (a double click, two tabs): the unique key decides. The same
  // INSERT … ON CONFLICT Prisma's upsert sends, written out: Prisma compiled the upsert (its WebAssembly query
  // compiler) on every call, a tenth of a score save's CPU in the profile (docs/benchmark.md, fifth round).
  // The version is checked again in the update itself: two saves of one version that both passed the check above
  // (the second read before the first committed) would otherwise both be stored, the first overwritten silently.
  const expected = input.version ?? null;
  const [score] = await tx.$queryRaw<{ version: number }[]>`
    INSERT INTO "Score" ("id", "assignmentId", "values", "total", "comment", "recommendation", "submittedAt", "version", "updatedAt")
    VALUES (${randomUUID()}, ${context.assignmentId}, ${JSON.stringify(data.values)}::jsonb, ${data.total}::double precision, ${data.comment},
            ${data.recommendation}::"Verdict", ${data.submittedAt}::timestamptz(3), 0, ${now}::timestamptz(3))
    ON CONFLICT ("assignmentId") DO UPDATE
       SET "values" = EXCLUDED."values", "total" = EXCLUDED."total", "comment" = EXCLUDED."comment",
           "recommendation" = EXCLUDED."recommendation", "submittedAt" = EXCLUDED."submittedAt",
           "version" = "Score"."version" + 1, "updatedAt" = EXCLUDED."updatedAt"
     WHERE ${expected}::int IS NULL OR "Score"."version" = ${expected}::int
    RETURNING "version"`;
  if (!score) throw new ActionError(STALE_RECORD);
  if (input.submit) {
    await writeAudit(
      {
        actor: by.actor,
        action: "hearing.score",
        entityType: "Hearing",
        entityId: context.hearingId,
        summary: `${context.title}：${data.total} 分${context.scoreSubmittedAt ? "（修改）" : ""}`,
        details: { values, recommendation: input.recommendation },
        ip: by.ip,
      },
      tx,
    );
  }
  return { version: score.version, total: data.total, submitted: Boolean(data.submittedAt) };
}

/**
 * One score in its own transaction. On scoring day hundreds arrive together: a request waits for a free
 * database connection (up to 20 s) rather than failing after Prisma's default 2 s.
 */
export function saveScoreInTransaction(input: ScoreInput, reviewerId: string, by: By) {
  return db.$transaction((tx) => saveScoreRecord(tx, input, reviewerId, by), { maxWait: 20_000, timeout: 20_000 });
}
