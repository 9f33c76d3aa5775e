import "server-only";
import { db } from "@/lib/db/client";
import { aggregate, rankAggregates, type Criterion, DEFAULT_RUBRIC } from "@/lib/hearings/scoring";

export function listHearings(yearId: string) {
  return db.hearing.findMany({
    where: { yearId },
    orderBy: [{ heldAt: "desc" }, { id: "desc" }],
    include: { _count: { select: { items: true, reviewers: true } } },
  });
}

export async function rubricOf(yearId: string) {
  const rubric = await db.rubric.findUnique({ where: { yearId } });
  return rubric
    ? { criteria: rubric.criteria as Criterion[], frozenAt: rubric.frozenAt, version: rubric.version }
    : { criteria: DEFAULT_RUBRIC, frozenAt: null, version: 0 };
}

/** Everything the admin's hearing page shows: agenda, reviewers, assignments with their progress. */
export function getHearing(id: string) {
  return db.hearing.findUnique({
    where: { id },
    include: {
      year: { select: { id: true, year: true } },
      reviewers: { include: { user: { select: { id: true, name: true, unit: { select: { name: true } } } } }, orderBy: { user: { username: "asc" } } },
      items: {
        orderBy: { sortOrder: "asc" },
        include: {
          project: { select: { id: true, title: true, state: true, version: true, unit: { select: { name: true } } } },
          assignments: {
            include: { reviewer: { select: { id: true, name: true } }, score: { select: { submittedAt: true, total: true } } },
            orderBy: { createdAt: "asc" },
          },
          conflicts: true,
        },
      },
    },
  });
}

/** Projects of the year that can go on an agenda. */
export function schedulableProjects(yearId: string) {
  return db.project.findMany({
    where: { yearId, state: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    select: { id: true, title: true, unit: { select: { name: true } } },
  });
}

export function activeReviewers() {
  return db.user.findMany({
    where: { active: true, roles: { has: "REVIEWER" } },
    orderBy: { username: "asc" },
    select: { id: true, name: true, unit: { select: { name: true } } },
  });
}

/** Aggregates and ranking of one hearing's submitted scores (see lib/hearings/scoring.ts for the rules). */
export async function hearingResults(hearingId: string) {
  const items = await db.hearingItem.findMany({
    where: { hearingId },
    orderBy: { sortOrder: "asc" },
    include: {
      project: { select: { id: true, title: true, state: true, unit: { select: { name: true } } } },
      assignments: { include: { score: true, reviewer: { select: { name: true } } } },
    },
  });
  const rows = items.flatMap((item) =>
    item.assignments
      .filter((a) => a.score?.submittedAt && a.score.total !== null)
      .map((a) => ({ reviewerId: a.reviewerId, proposalId: item.id, total: a.score!.total! })),
  );
  const ranked = rankAggregates(aggregate(rows), "trimmedMean");
  return { items, ranked };
}

/** A year's ranking over every hearing's submitted scores, each project's latest round. */
export async function yearResults(yearId: string) {
  const items = await db.hearingItem.findMany({
    where: { hearing: { yearId } },
    orderBy: [{ round: "desc" }],
    include: {
      project: { select: { id: true, title: true, unit: { select: { name: true } } } },
      hearing: { select: { title: true } },
      assignments: { include: { score: true } },
    },
  });
  const latest = new Map<string, (typeof items)[number]>();
  for (const item of items) if (!latest.has(item.projectId)) latest.set(item.projectId, item);
  const rows = [...latest.values()].flatMap((item) =>
    item.assignments
      .filter((a) => a.score?.submittedAt && a.score.total !== null)
      .map((a) => ({ reviewerId: a.reviewerId, proposalId: item.id, total: a.score!.total! })),
  );
  return { ranked: rankAggregates(aggregate(rows), "trimmedMean"), items: latest };
}

/** A reviewer's own assignments (never anyone else's scores). */
export function myAssignments(reviewerId: string) {
  return db.reviewAssignment.findMany({
    where: { reviewerId },
    orderBy: { createdAt: "desc" },
    include: {
      score: { select: { submittedAt: true, total: true } },
      item: {
        include: { hearing: { select: { title: true, heldAt: true, closedAt: true } }, project: { select: { title: true, unit: { select: { name: true } } } } },
      },
    },
  });
}

/** One assignment of the reviewer, with the proposal to read and their own score only. */
export function assignmentForReviewer(reviewerId: string, assignmentId: string) {
  return db.reviewAssignment.findFirst({
    where: { id: assignmentId, reviewerId },
    include: {
      score: true,
      item: {
        include: {
          hearing: { select: { id: true, title: true, heldAt: true, closedAt: true } },
          project: {
            include: {
              unit: { select: { name: true } },
              year: { select: { id: true, year: true } },
              milestones: { orderBy: { sortOrder: "asc" } },
              attachments: { where: { reportId: null }, select: { id: true, fileName: true, size: true } },
            },
          },
        },
      },
    },
  });
}

/** An attachment of a project the reviewer is (or was) assigned to; nothing otherwise. */
export async function attachmentForReviewer(reviewerId: string, projectId: string, attachmentId: string) {
  const assigned = await db.reviewAssignment.count({ where: { reviewerId, item: { projectId } } });
  return assigned > 0 ? db.attachment.findFirst({ where: { id: attachmentId, projectId } }) : null;
}

/** Every round this project was heard in, with the scores and the decisions, for its page. */
export function hearingRecordOf(projectId: string) {
  return Promise.all([
    db.hearingItem.findMany({
      where: { projectId },
      orderBy: { round: "asc" },
      include: {
        hearing: { select: { id: true, title: true, heldAt: true } },
        assignments: { include: { score: true, reviewer: { select: { name: true } } } },
      },
    }),
    db.decision.findMany({ where: { projectId }, orderBy: { decidedAt: "asc" }, include: { meeting: { select: { number: true, heldAt: true } } } }),
  ]);
}

export function listMeetings(yearId: string) {
  return db.meeting.findMany({ where: { yearId }, orderBy: { heldAt: "desc" }, include: { _count: { select: { decisions: true } } } });
}

export function getMeeting(id: string) {
  return db.meeting.findUnique({
    where: { id },
    include: {
      year: { select: { id: true, year: true } },
      decisions: { orderBy: { decidedAt: "asc" }, include: { project: { select: { id: true, title: true, unit: { select: { name: true } } } } } },
    },
  });
}

/** Projects a meeting can decide on: heard ones, and submitted ones the admin may decide without a hearing. */
export function decidableProjects(yearId: string) {
  return db.project.findMany({
    where: { yearId, state: { in: ["IN_HEARING", "SUBMITTED"] } },
    orderBy: [{ state: "asc" }, { title: "asc" }],
    select: { id: true, title: true, state: true, version: true, unit: { select: { name: true } } },
  });
}

/** A decision for its notice, only for those who may see the project (scoped by the caller). */
export function decisionForNotice(decisionId: string, projectId: string) {
  return db.decision.findFirst({
    where: { id: decisionId, projectId },
    include: { meeting: true, project: { include: { unit: { select: { name: true } }, year: { select: { year: true } } } } },
  });
}
