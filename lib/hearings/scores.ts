// A reviewer's score of one proposal at one hearing: saved as a draft, submitted, changed until the hearing closes.
import "server-only";
import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { scoreProblem, weightedTotal } from "@/lib/hearings/scoring";
import { rubricFor } from "@/lib/hearings/service";
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

export async function saveScoreRecord(tx: Tx, input: ScoreInput, reviewerId: string, by: By) {
  const now = by.now ?? new Date();
  const assignment = await tx.reviewAssignment.findFirst({
    where: { id: input.assignmentId, reviewerId },
    include: { score: true, item: { include: { hearing: true, project: { select: { title: true, yearId: true } } } } },
  });
  if (!assignment) throw new NotFoundError("评审任务不存在");
  HEARING_MACHINE.assert("score", hearingState(assignment.item.hearing), "reviewer");
  if (assignment.score && input.version !== undefined && assignment.score.version !== input.version) throw new ActionError(STALE_RECORD);

  const { criteria, frozen } = await rubricFor(tx, assignment.item.project.yearId);
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
    submittedAt: input.submit ? now : (assignment.score?.submittedAt ?? null),
  };
  // The first score of the year fixes its rubric: every later score uses the same weights and scales.
  // Written only while it is not frozen yet, so that a crowd of reviewers does not queue on its row.
  const yearId = assignment.item.project.yearId;
  // (rubricFor read the row in this transaction already: one query less on the hot path.)
  if (!frozen) {
    // INSERT … ON CONFLICT DO NOTHING: Prisma's upsert here is a read then an insert, and two first scores
    // racing for the same year failed on the unique yearId.
    await tx.rubric.createMany({ data: [{ yearId, criteria, frozenAt: now, version: 1 }], skipDuplicates: true });
    await tx.rubric.updateMany({ where: { yearId, frozenAt: null }, data: { frozenAt: now } });
  }
  // One row per assignment, whatever arrives at once (a double click, two tabs): the unique key decides.
  const score = await tx.score.upsert({
    where: { assignmentId: assignment.id },
    create: { assignmentId: assignment.id, ...data },
    update: { ...data, version: { increment: 1 } },
  });
  if (input.submit) {
    await writeAudit(
      {
        actor: by.actor,
        action: "hearing.score",
        entityType: "Hearing",
        entityId: assignment.item.hearingId,
        summary: `${assignment.item.project.title}：${data.total} 分${assignment.score?.submittedAt ? "（修改）" : ""}`,
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
