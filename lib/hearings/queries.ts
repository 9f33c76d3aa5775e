import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { aggregate, rankBoth, RANK_BY_KEYS, type Criterion, DEFAULT_RUBRIC, type RankBy } from "@/lib/hearings/scoring";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export const HEARINGS_PAGE_SIZE = 30;

/** A year's hearings; one page of them when `page` is given (the export takes them all). */
export function listHearings(yearId: string, page?: number) {
  return db.hearing.findMany({
    where: { yearId },
    orderBy: [{ heldAt: "desc" }, { id: "desc" }],
    include: { _count: { select: { items: true, reviewers: true } } },
    ...(page ? { skip: (page - 1) * HEARINGS_PAGE_SIZE, take: HEARINGS_PAGE_SIZE } : {}),
  });
}

export function countHearings(yearId: string) {
  return db.hearing.count({ where: { yearId } });
}

export async function rubricOf(yearId: string) {
  const rubric = await db.rubric.findUnique({ where: { yearId } });
  return rubric
    ? { criteria: rubric.criteria as Criterion[], rankBy: rubric.rankBy, frozenAt: rubric.frozenAt, version: rubric.version }
    : { criteria: DEFAULT_RUBRIC, rankBy: "TRIMMED_MEAN" as const, frozenAt: null, version: 0 };
}

/** Which aggregate ranks the year's results: the rubric's choice, the trimmed mean until one is saved. */
export async function rankByOf(yearId: string): Promise<RankBy> {
  const rubric = await db.rubric.findUnique({ where: { yearId }, select: { rankBy: true } });
  return RANK_BY_KEYS[rubric?.rankBy ?? "TRIMMED_MEAN"];
}

/** A hearing with its reviewers; its agenda is paged (hearingAgenda). */
export function getHearing(id: string) {
  return db.hearing.findUnique({
    where: { id },
    include: {
      year: { select: { id: true, year: true } },
      reviewers: { include: { user: { select: { id: true, name: true, unit: { select: { name: true } } } } }, orderBy: { user: { username: "asc" } } },
    },
  });
}

export const AGENDA_PAGE_SIZE = 30;

/** Proposals with an assignment not yet submitted, or with no reviewer yet. */
const pendingItem: Prisma.HearingItemWhereInput = {
  OR: [{ assignments: { none: {} } }, { assignments: { some: { OR: [{ score: { is: null } }, { score: { is: { submittedAt: null } } }] } } }],
};

/** One page of a hearing's agenda with each proposal's assignments, and the whole agenda's progress counted in the database. */
export async function hearingAgenda(hearingId: string, filter: { page: number; pending: boolean }) {
  const where: Prisma.HearingItemWhereInput = { AND: [{ hearingId }, filter.pending ? pendingItem : {}] };
  const [total, items, [progress]] = await Promise.all([
    db.hearingItem.count({ where }),
    db.hearingItem.findMany({
      where,
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * AGENDA_PAGE_SIZE,
      take: AGENDA_PAGE_SIZE,
      include: {
        project: { select: { id: true, title: true, state: true, version: true, unit: { select: { name: true } } } },
        assignments: {
          include: { reviewer: { select: { id: true, name: true } }, score: { select: { submittedAt: true, total: true } } },
          orderBy: { createdAt: "asc" },
        },
        conflicts: true,
      },
    }),
    db.$queryRaw<{ items: number; assignments: number; submitted: number }[]>`
      SELECT count(DISTINCT i."id")::int AS "items", count(a."id")::int AS "assignments", count(s."submittedAt")::int AS "submitted"
      FROM "HearingItem" i
      LEFT JOIN "ReviewAssignment" a ON a."itemId" = i."id"
      LEFT JOIN "Score" s ON s."assignmentId" = a."id"
      WHERE i."hearingId" = ${hearingId}`,
  ]);
  return { total, page: filter.page, pageSize: AGENDA_PAGE_SIZE, items, progress };
}

/** Projects of the year that can go on an agenda, the longest-waiting first; at most PICK_LIMIT, with the count of all. */
export async function schedulableProjects(yearId: string, q?: string) {
  const where: Prisma.ProjectWhereInput = {
    yearId,
    state: "SUBMITTED",
    ...(q ? { OR: [{ title: { contains: q } }, { unit: { name: { contains: q } } }] } : {}),
  };
  const [total, projects] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: PICK_LIMIT,
      select: { id: true, title: true, unit: { select: { name: true } } },
    }),
  ]);
  return { total, projects };
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
  const hearing = await db.hearing.findUnique({ where: { id: hearingId }, select: { yearId: true } });
  const by = hearing ? await rankByOf(hearing.yearId) : "trimmedMean";
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
  const ranked = rankBoth(aggregate(rows), by);
  return { items, ranked, by };
}

export const RANKING_PAGE_SIZE = 30;

type LeanScore = { itemId: string; reviewerId: string; total: number };

/**
 * Ranks the submitted totals with the rules of lib/hearings/scoring.ts (one place for them) and keeps one page:
 * the totals travel as three columns, and only the page's proposals are loaded with their projects.
 */
function rankedPage(ranked: Ranked, page: number) {
  return { total: ranked.length, page, pageSize: RANKING_PAGE_SIZE, rows: ranked.slice((page - 1) * RANKING_PAGE_SIZE, page * RANKING_PAGE_SIZE) };
}

type Ranked = ReturnType<typeof rankBoth>;
type Stamp = { submitted: bigint; changed: Date | null; items: bigint; added: Date | null };

// A year's ranking aggregates every submitted score of the year (120,000 at city scale, about a second of
// transfer and arithmetic), and the page is opened far more often than the scores change. So each process keeps
// the last few rankings with a stamp of their inputs, read first on every request: the number of submitted
// scores and the latest change of one, the number of agenda items and the latest one added. Any submission,
// change, withdrawal or new round moves the stamp, and the next request ranks again: never a stale result.
const rankings = new Map<string, { stamp: string; ranked: Ranked }>();
const RANKINGS_KEPT = 8;

async function rankingOf(key: string, stamp: Stamp, by: RankBy, load: () => Promise<LeanScore[]>): Promise<Ranked> {
  // The aggregate is in the stamp too: the admin may still change it before the first score.
  const seen = `${stamp.submitted}:${stamp.changed?.getTime() ?? 0}:${stamp.items}:${stamp.added?.getTime() ?? 0}:${by}`;
  const kept = rankings.get(key);
  if (kept?.stamp === seen) return kept.ranked;
  // Read after the stamp: a score arriving in between is in this ranking and moves the next stamp (ranked again).
  const scores = await load();
  const ranked = rankBoth(aggregate(scores.map((s) => ({ reviewerId: s.reviewerId, proposalId: s.itemId, total: s.total }))), by);
  rankings.delete(key);
  rankings.set(key, { stamp: seen, ranked });
  if (rankings.size > RANKINGS_KEPT) rankings.delete(rankings.keys().next().value!);
  return ranked;
}

/** A year's ranking over every hearing's submitted scores, each project's latest round; one page of it. */
export async function yearRanking(yearId: string, page: number) {
  const by = await rankByOf(yearId);
  const [stamp] = await db.$queryRaw<Stamp[]>`
    SELECT
      (SELECT count(*) FROM "Score" s JOIN "ReviewAssignment" a ON a."id" = s."assignmentId" JOIN "HearingItem" i ON i."id" = a."itemId"
        JOIN "Hearing" h ON h."id" = i."hearingId" WHERE h."yearId" = ${yearId} AND s."submittedAt" IS NOT NULL) AS "submitted",
      (SELECT max(s."updatedAt") FROM "Score" s JOIN "ReviewAssignment" a ON a."id" = s."assignmentId" JOIN "HearingItem" i ON i."id" = a."itemId"
        JOIN "Hearing" h ON h."id" = i."hearingId" WHERE h."yearId" = ${yearId} AND s."submittedAt" IS NOT NULL) AS "changed",
      (SELECT count(*) FROM "HearingItem" i JOIN "Hearing" h ON h."id" = i."hearingId" WHERE h."yearId" = ${yearId}) AS "items",
      (SELECT max(i."createdAt") FROM "HearingItem" i JOIN "Hearing" h ON h."id" = i."hearingId" WHERE h."yearId" = ${yearId}) AS "added"`;
  const ranked = await rankingOf(
    `year:${yearId}`,
    stamp,
    by,
    () => db.$queryRaw<LeanScore[]>`
    WITH latest AS (
      SELECT DISTINCT ON (i."projectId") i."id"
      FROM "HearingItem" i JOIN "Hearing" h ON h."id" = i."hearingId"
      WHERE h."yearId" = ${yearId}
      ORDER BY i."projectId", i."round" DESC, i."createdAt" DESC
    )
    SELECT a."itemId", a."reviewerId", s."total"
    FROM latest l
    JOIN "ReviewAssignment" a ON a."itemId" = l."id"
    JOIN "Score" s ON s."assignmentId" = a."id"
    WHERE s."submittedAt" IS NOT NULL AND s."total" IS NOT NULL
    ORDER BY a."itemId", a."reviewerId"`,
  );
  const ranking = rankedPage(ranked, page);
  const items = await db.hearingItem.findMany({
    where: { id: { in: ranking.rows.map((row) => row.proposalId) } },
    select: { id: true, project: { select: { id: true, title: true, unit: { select: { name: true } } } } },
  });
  const byId = new Map(items.map((item) => [item.id, item]));
  return {
    ...ranking,
    by,
    differ: ranked.filter((row) => row.ranksDiffer).length,
    rows: ranking.rows.map((row) => ({ ...row, item: byId.get(row.proposalId)! })),
  };
}

/** One page of a hearing's ranking, with each proposal's reviewers and their submitted scores; and what is unscored. */
export async function hearingRanking(hearingId: string, yearId: string, page: number) {
  const by = await rankByOf(yearId);
  const [stamp] = await db.$queryRaw<Stamp[]>`
    SELECT
      (SELECT count(*) FROM "Score" s JOIN "ReviewAssignment" a ON a."id" = s."assignmentId" JOIN "HearingItem" i ON i."id" = a."itemId"
        WHERE i."hearingId" = ${hearingId} AND s."submittedAt" IS NOT NULL) AS "submitted",
      (SELECT max(s."updatedAt") FROM "Score" s JOIN "ReviewAssignment" a ON a."id" = s."assignmentId" JOIN "HearingItem" i ON i."id" = a."itemId"
        WHERE i."hearingId" = ${hearingId} AND s."submittedAt" IS NOT NULL) AS "changed",
      (SELECT count(*) FROM "HearingItem" i WHERE i."hearingId" = ${hearingId}) AS "items",
      (SELECT max(i."createdAt") FROM "HearingItem" i WHERE i."hearingId" = ${hearingId}) AS "added"`;
  const itemCount = Number(stamp.items);
  const ranked = await rankingOf(
    `hearing:${hearingId}`,
    stamp,
    by,
    () => db.$queryRaw<LeanScore[]>`
      SELECT a."itemId", a."reviewerId", s."total"
      FROM "HearingItem" i
      JOIN "ReviewAssignment" a ON a."itemId" = i."id"
      JOIN "Score" s ON s."assignmentId" = a."id"
      WHERE i."hearingId" = ${hearingId} AND s."submittedAt" IS NOT NULL AND s."total" IS NOT NULL
      ORDER BY i."sortOrder", a."itemId", a."reviewerId"`,
  );
  const ranking = rankedPage(ranked, page);
  const unscoredWhere = { hearingId, assignments: { none: { score: { is: { submittedAt: { not: null } } } } } };
  const [items, unscored] = await Promise.all([
    db.hearingItem.findMany({
      where: { id: { in: ranking.rows.map((row) => row.proposalId) } },
      include: {
        project: { select: { id: true, title: true, state: true, unit: { select: { name: true } } } },
        assignments: { include: { score: { select: { submittedAt: true, total: true, recommendation: true } }, reviewer: { select: { name: true } } } },
      },
    }),
    db.hearingItem.findMany({ where: unscoredWhere, orderBy: { sortOrder: "asc" }, take: 20, select: { project: { select: { title: true } } } }),
  ]);
  const byId = new Map(items.map((item) => [item.id, item]));
  return {
    ...ranking,
    by,
    differ: ranked.filter((row) => row.ranksDiffer).length,
    rows: ranking.rows.map((row) => ({ ...row, item: byId.get(row.proposalId)! })),
    unscored: { count: itemCount - ranking.total, titles: unscored.map((item) => item.project.title) },
  };
}

export const REVIEWS_PAGE_SIZE = 30;
export const REVIEW_STATUSES = ["todo", "draft", "submitted", "all"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewFilter = { hearingId?: string; status: ReviewStatus; page: number };

const reviewStatusWhere: Record<ReviewStatus, Prisma.ReviewAssignmentWhereInput> = {
  // What is left: not yet submitted, at a hearing still open for scoring.
  todo: { OR: [{ score: { is: null } }, { score: { is: { submittedAt: null } } }], item: { hearing: { closedAt: null } } },
  draft: { score: { is: { submittedAt: null } } },
  submitted: { score: { is: { submittedAt: { not: null } } } },
  all: {},
};

/** The reviewer's hearings, each with its progress (assigned, submitted, drafts), counted in the database. */
export function myHearingProgress(reviewerId: string) {
  return db.$queryRaw<{ id: string; title: string; heldAt: Date; closedAt: Date | null; total: number; submitted: number; drafts: number }[]>`
    SELECT h."id", h."title", h."heldAt", h."closedAt",
           count(*)::int AS "total",
           count(s."submittedAt")::int AS "submitted",
           (count(s."id") - count(s."submittedAt"))::int AS "drafts"
    FROM "ReviewAssignment" a
    JOIN "HearingItem" i ON i."id" = a."itemId"
    JOIN "Hearing" h ON h."id" = i."hearingId"
    LEFT JOIN "Score" s ON s."assignmentId" = a."id"
    WHERE a."reviewerId" = ${reviewerId}
    GROUP BY h."id"
    ORDER BY h."closedAt" IS NOT NULL, h."heldAt" DESC`;
}

/** One page of the reviewer's own assignments (never anyone else's scores), filtered in the database. */
export async function myAssignments(reviewerId: string, filter: ReviewFilter) {
  const where: Prisma.ReviewAssignmentWhereInput = {
    AND: [{ reviewerId }, filter.hearingId ? { item: { hearingId: filter.hearingId } } : {}, reviewStatusWhere[filter.status]],
  };
  const [total, assignments] = await Promise.all([
    db.reviewAssignment.count({ where }),
    db.reviewAssignment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * REVIEWS_PAGE_SIZE,
      take: REVIEWS_PAGE_SIZE,
      include: {
        score: { select: { submittedAt: true, total: true } },
        item: {
          include: {
            hearing: { select: { title: true, heldAt: true, closedAt: true } },
            project: { select: { title: true, unit: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);
  return { total, page: filter.page, pageSize: REVIEWS_PAGE_SIZE, assignments };
}

/** The reviewer's next assignment to score: the oldest unsubmitted one at an open hearing. */
export async function nextAssignment(reviewerId: string) {
  const next = await db.reviewAssignment.findFirst({
    where: { AND: [{ reviewerId }, reviewStatusWhere.todo] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return next?.id ?? null;
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
              sectors: { select: { sectorId: true, sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
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
/** A project's hearing rounds (each with its reviewers' scores) and its decisions, as the project page shows them. */
export type HearingRecordRows = [
  {
    id: string;
    round: number;
    hearing: { id: string; title: string; heldAt: Date };
    assignments: {
      id: string;
      reviewerId: string;
      reviewer: { name: string };
      score: { total: number | null; comment: string | null; recommendation: Verdict | null; submittedAt: Date | null } | null;
    }[];
  }[],
  { id: string; verdict: Verdict; opinion: string; decidedAt: Date; meeting: { number: string; heldAt: Date } }[],
];

/**
 * One statement (decision 0111): through Prisma the rounds, their hearing, assignments, scores and reviewers and the
 * decisions with their meeting were seven statements, five of them one after another. Reviewers within a round by
 * their id: the order PostgreSQL gave the include (the (itemId, reviewerId) index), kept so that the page reads as before.
 */
export async function hearingRecordOf(projectId: string): Promise<HearingRecordRows> {
  const [row] = await db.$queryRaw<
    {
      rounds: {
        id: string;
        round: number;
        hearing: { id: string; title: string; heldAt: string };
        assignments: {
          id: string;
          reviewerId: string;
          reviewer: { name: string };
          score: { total: number | null; comment: string | null; recommendation: Verdict | null; submittedAt: string | null } | null;
        }[];
      }[];
      decisions: { id: string; verdict: Verdict; opinion: string; decidedAt: string; meeting: { number: string; heldAt: string } }[];
    }[]
  >`
    SELECT
      coalesce((SELECT jsonb_agg(jsonb_build_object(
                  'id', i."id", 'round', i."round",
                  'hearing', jsonb_build_object('id', h."id", 'title', h."title", 'heldAt', h."heldAt"),
                  'assignments', coalesce((SELECT jsonb_agg(jsonb_build_object(
                                     'id', a."id", 'reviewerId', a."reviewerId", 'reviewer', jsonb_build_object('name', r."name"),
                                     'score', CASE WHEN s."id" IS NULL THEN NULL ELSE jsonb_build_object('total', s."total", 'comment', s."comment",
                                                   'recommendation', s."recommendation", 'submittedAt', s."submittedAt") END)
                                   ORDER BY a."reviewerId")
                                 FROM "ReviewAssignment" a JOIN "User" r ON r."id" = a."reviewerId" LEFT JOIN "Score" s ON s."assignmentId" = a."id"
                                WHERE a."itemId" = i."id"), '[]'))
                ORDER BY i."round", i."id")
                 FROM "HearingItem" i JOIN "Hearing" h ON h."id" = i."hearingId" WHERE i."projectId" = ${projectId}), '[]') AS rounds,
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', d."id", 'verdict', d."verdict", 'opinion', d."opinion", 'decidedAt', d."decidedAt",
                                                    'meeting', jsonb_build_object('number', m."number", 'heldAt', m."heldAt"))
                ORDER BY d."decidedAt", d."id")
                 FROM "Decision" d JOIN "Meeting" m ON m."id" = d."meetingId" WHERE d."projectId" = ${projectId}), '[]') AS decisions`;
  return [
    row.rounds.map((round) => ({
      ...round,
      hearing: { ...round.hearing, heldAt: new Date(round.hearing.heldAt) },
      assignments: round.assignments.map((a) => ({
        ...a,
        score: a.score && { ...a.score, submittedAt: a.score.submittedAt === null ? null : new Date(a.score.submittedAt) },
      })),
    })),
    row.decisions.map((d) => ({ ...d, decidedAt: new Date(d.decidedAt), meeting: { ...d.meeting, heldAt: new Date(d.meeting.heldAt) } })),
  ];
}

export const MEETINGS_PAGE_SIZE = 30;

/** A year's 部务会, one page of them, and how many there are. */
export async function listMeetings(yearId: string, page = 1) {
  const [total, meetings] = await Promise.all([
    db.meeting.count({ where: { yearId } }),
    db.meeting.findMany({
      where: { yearId },
      orderBy: [{ heldAt: "desc" }, { id: "desc" }],
      include: { _count: { select: { decisions: true } } },
      skip: (page - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
    }),
  ]);
  return { total, page, pageSize: MEETINGS_PAGE_SIZE, meetings };
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
export const PICK_LIMIT = 200;

/** Projects awaiting the meeting's decision, narrowed by a word of the title or the unit; at most PICK_LIMIT, with the count. */
export async function decidableProjects(yearId: string, q?: string) {
  const where: Prisma.ProjectWhereInput = {
    yearId,
    state: { in: [...PROJECT_MACHINE.transitions.approve.from] },
    ...(q ? { OR: [{ title: { contains: q } }, { unit: { name: { contains: q } } }] } : {}),
  };
  const [total, projects] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ state: "asc" }, { title: "asc" }, { id: "asc" }],
      take: PICK_LIMIT,
      select: { id: true, title: true, state: true, version: true, unit: { select: { name: true } } },
    }),
  ]);
  return { total, projects };
}

/** A decision for its notice, only for those who may see the project (scoped by the caller). */
export function decisionForNotice(decisionId: string, projectId: string) {
  return db.decision.findFirst({
    where: { id: decisionId, projectId },
    include: { meeting: true, project: { include: { unit: { select: { name: true } }, year: { select: { year: true } } } } },
  });
}
