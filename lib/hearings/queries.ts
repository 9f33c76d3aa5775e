import "server-only";
import { db } from "@/lib/db/client";
import { KeptValues } from "@/lib/db/kept";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { aggregate, rankBoth, RANK_BY_KEYS, type Criterion, DEFAULT_RUBRIC, type RankBy } from "@/lib/hearings/scoring";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export const HEARINGS_PAGE_SIZE = 30;

/**
 * A year's hearings; one page of them when `page` is given (the export takes them all). Each with its count of
 * reviewers and of agenda items; the items' counts (a year's projects in one hearing: 66,000 at 200,000 projects)
 * are kept under the ranking stamp, which every write to HearingItem moves (decision 0114).
 */
export async function listHearings(yearId: string, page?: number) {
  const hearings = await db.hearing.findMany({
    where: { yearId },
    orderBy: [{ heldAt: "desc" }, { id: "desc" }],
    include: { _count: { select: { reviewers: true } } },
    ...(page ? { skip: (page - 1) * HEARINGS_PAGE_SIZE, take: HEARINGS_PAGE_SIZE } : {}),
  });
  const ids = hearings.map((hearing) => hearing.id);
  const counts = await itemCounts(ids.join(","), await rankingStamp(), async () => {
    const rows = await db.hearingItem.groupBy({ by: ["hearingId"], where: { hearingId: { in: ids } }, _count: { _all: true } });
    return new Map(rows.map((row) => [row.hearingId, row._count._all]));
  });
  return hearings.map((hearing) => ({ ...hearing, _count: { ...hearing._count, items: counts.get(hearing.id) ?? 0 } }));
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

type AgendaProgress = { items: number; assignments: number; submitted: number; pending: number };

/**
 * One page of a hearing's agenda with each proposal's assignments, and the whole agenda's progress counted in the
 * database: over every item, assignment and score of the hearing (53,333 items at 200,000 projects), so it is kept
 * per process under the ranking stamp (decision 0108), which moves with every committed write to those tables.
 */
export async function hearingAgenda(hearingId: string, filter: { page: number; pending: boolean }) {
  const where: Prisma.HearingItemWhereInput = { AND: [{ hearingId }, filter.pending ? pendingItem : {}] };
  const [progress, items] = await Promise.all([
    agendaProgress(hearingId),
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
  ]);
  const total = filter.pending ? progress.pending : progress.items;
  return { total, page: filter.page, pageSize: AGENDA_PAGE_SIZE, items, progress };
}

const agendas = keptUnderStamp<AgendaProgress>(16);

/** Items, assignments, submitted scores and items not yet fully scored (no reviewer, or a score not submitted). */
async function agendaProgress(hearingId: string): Promise<AgendaProgress> {
  return agendas(hearingId, await rankingStamp(), async () => {
    const [row] = await db.$queryRaw<AgendaProgress[]>`
      SELECT count(*)::int AS "items", coalesce(sum(per.n), 0)::int AS "assignments", coalesce(sum(per.done), 0)::int AS "submitted",
             (count(*) FILTER (WHERE per.n = 0 OR per.done < per.n))::int AS "pending"
      FROM (
        SELECT i."id", count(a."id") AS n, count(s."submittedAt") AS done
        FROM "HearingItem" i
        LEFT JOIN "ReviewAssignment" a ON a."itemId" = i."id"
        LEFT JOIN "Score" s ON s."assignmentId" = a."id"
        WHERE i."hearingId" = ${hearingId}
        GROUP BY i."id"
      ) per`;
    return row;
  });
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

// A year's ranking aggregates every submitted score of the year (160,000 at 200,000 projects), and the page is
// opened far more often than the scores change. So each process keeps the last few rankings (decision 0025) with
// a stamp of their inputs read first on every request: the sum of the ranking change counters, which a statement
// trigger on Hearing, HearingItem, ReviewAssignment and Score bumps in the writing transaction itself (decision
// 0107, migration 20261207920000). Any submission, change, withdrawal, new item or round commits a new sum, and
// the next request ranks again: never a stale result. One indexed read of at most 64 rows, whatever the data.

/** The agenda items per hearing of the pages of /hearings lately read, by their hearings' ids. */
const itemCounts = keptUnderStamp<Map<string, number>>(16);

/** The sum of the ranking change counters: moves with every committed write to Hearing, HearingItem, ReviewAssignment or Score. */
async function rankingStamp(): Promise<string> {
  const [row] = await db.$queryRaw<{ n: string }[]>`SELECT coalesce(sum("n"), 0)::text AS n FROM "RankingCounter"`;
  return row.n;
}

/**
 * Values kept per process under the ranking stamp, at most `limit` keys (lib/db/kept.ts): the stamp is read before
 * `compute` runs, so the worst case is computing once more, never a stale answer; requests arriving together share
 * the one computation.
 */
function keptUnderStamp<T>(limit: number) {
  const kept = new KeptValues(limit);
  return (key: string, stamp: string, compute: () => Promise<T>) =>
    kept.get(key, stamp, new Date(), async () => ({ value: await compute(), validUntil: null }));
}

const rankings = keptUnderStamp<Ranked>(8);

async function rankingOf(key: string, by: RankBy, load: () => Promise<LeanScore[]>): Promise<Ranked> {
  // The aggregate is in the stamp too: the admin may still change it before the first score.
  return rankings(key, `${await rankingStamp()}:${by}`, async () => {
    const scores = await load();
    return rankBoth(aggregate(scores.map((s) => ({ reviewerId: s.reviewerId, proposalId: s.itemId, total: s.total }))), by);
  });
}

/** A year's ranking over every hearing's submitted scores, each project's latest round; one page of it. */
export async function yearRanking(yearId: string, page: number) {
  const by = await rankByOf(yearId);
  const ranked = await rankingOf(
    `year:${yearId}`,
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
  const ranked = await rankingOf(
    `hearing:${hearingId}`,
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
  const [items, itemCount] = await Promise.all([
    db.hearingItem.findMany({
      where: { id: { in: ranking.rows.map((row) => row.proposalId) } },
      include: {
        project: { select: { id: true, title: true, state: true, unit: { select: { name: true } } } },
        assignments: { include: { score: { select: { submittedAt: true, total: true, recommendation: true } }, reviewer: { select: { name: true } } } },
      },
    }),
    db.hearingItem.count({ where: { hearingId } }),
  ]);
  // Every item with a submitted score is in the ranking: the rest are unscored. Their titles are looked for only when
  // there are some (the search walks every item of the hearing: 0.6 s for 53,333 items, all scored).
  const unscoredCount = Math.max(0, itemCount - ranking.total);
  const unscored =
    unscoredCount > 0
      ? await db.hearingItem.findMany({ where: unscoredWhere, orderBy: { sortOrder: "asc" }, take: 20, select: { project: { select: { title: true } } } })
      : [];
  const byId = new Map(items.map((item) => [item.id, item]));
  return {
    ...ranking,
    by,
    differ: ranked.filter((row) => row.ranksDiffer).length,
    rows: ranking.rows.map((row) => ({ ...row, item: byId.get(row.proposalId)! })),
    unscored: { count: unscoredCount, titles: unscored.map((item) => item.project.title) },
  };
}

export const REVIEWS_PAGE_SIZE = 30;
export const REVIEW_STATUSES = ["todo", "draft", "submitted", "all"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewFilter = { hearingId?: string; status: ReviewStatus; page: number };

// What is left (todo: not yet submitted, at a hearing still open for scoring; drafts) comes from the kept overview.
const reviewStatusWhere: Record<"submitted" | "all", Prisma.ReviewAssignmentWhereInput> = {
  submitted: { score: { is: { submittedAt: { not: null } } } },
  all: {},
};

export type HearingProgress = { id: string; title: string; heldAt: Date; closedAt: Date | null; total: number; submitted: number; drafts: number };
/** One of the reviewer's assignments not yet submitted (no score, or a draft). */
type Pending = { id: string; createdAt: number; hearingId: string; open: boolean; draft: boolean };
type ReviewerOverview = { progress: HearingProgress[]; pending: Pending[] };

// A reviewer's tasks grow with the programme (96,374 for the busiest at 200,000 projects): their progress by
// hearing and what is left to score are counted over all of them. So both are kept per process and reviewer under
// the ranking stamp (decision 0108), which moves with every committed write to the four tables they read: the
// page counts nothing and finds what is left without scanning the tasks, until anything changes.
const overviews = keptUnderStamp<ReviewerOverview>(32);

const byNewest = (a: Pending, b: Pending) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function reviewerOverview(reviewerId: string): Promise<ReviewerOverview> {
  return overviews(reviewerId, await rankingStamp(), async () => {
    const rows = await db.$queryRaw<(HearingProgress & { pending: unknown })[]>`
      SELECT h."id", h."title", h."heldAt", h."closedAt",
             count(*)::int AS "total",
             count(s."submittedAt")::int AS "submitted",
             (count(s."id") - count(s."submittedAt"))::int AS "drafts",
             coalesce(json_agg(json_build_array(a."id", a."createdAt", s."id" IS NOT NULL)) FILTER (WHERE s."submittedAt" IS NULL), '[]'::json) AS "pending"
      FROM "ReviewAssignment" a
      JOIN "HearingItem" i ON i."id" = a."itemId"
      JOIN "Hearing" h ON h."id" = i."hearingId"
      LEFT JOIN "Score" s ON s."assignmentId" = a."id"
      WHERE a."reviewerId" = ${reviewerId}
      GROUP BY h."id"
      ORDER BY h."closedAt" IS NOT NULL, h."heldAt" DESC`;
    const pending = rows
      .flatMap((row) => {
        const list = (typeof row.pending === "string" ? JSON.parse(row.pending) : row.pending) as [string, string, boolean][];
        return list.map(([id, createdAt, draft]) => ({ id, createdAt: Date.parse(createdAt), hearingId: row.id, open: row.closedAt === null, draft }));
      })
      .sort(byNewest);
    return { progress: rows.map(({ pending: _, ...progress }) => progress), pending };
  });
}

/** The reviewer's hearings, each with its progress (assigned, submitted, drafts), counted in the database. */
export async function myHearingProgress(reviewerId: string): Promise<HearingProgress[]> {
  return (await reviewerOverview(reviewerId)).progress;
}

const assignmentRow = {
  score: { select: { submittedAt: true, total: true } },
  item: {
    include: {
      hearing: { select: { title: true, heldAt: true, closedAt: true } },
      project: { select: { title: true, unit: { select: { name: true } } } },
    },
  },
} satisfies Prisma.ReviewAssignmentInclude;

/**
 * One page of the reviewer's own assignments (never anyone else's scores), filtered in the database. The counts
 * come from the kept progress; what is left (todo, drafts) from the kept list of unsubmitted tasks, newest first.
 */
export async function myAssignments(reviewerId: string, filter: ReviewFilter) {
  const { progress, pending } = await reviewerOverview(reviewerId);
  const skip = (filter.page - 1) * REVIEWS_PAGE_SIZE;
  const page = { page: filter.page, pageSize: REVIEWS_PAGE_SIZE };
  if (filter.status === "todo" || filter.status === "draft") {
    const left = pending.filter((p) => (!filter.hearingId || p.hearingId === filter.hearingId) && (filter.status === "draft" ? p.draft : p.open));
    const ids = left.slice(skip, skip + REVIEWS_PAGE_SIZE).map((p) => p.id);
    const rows = ids.length ? await db.reviewAssignment.findMany({ where: { id: { in: ids }, reviewerId }, include: assignmentRow }) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { ...page, total: left.length, assignments: ids.flatMap((id) => byId.get(id) ?? []) };
  }
  const hearings = progress.filter((h) => !filter.hearingId || h.id === filter.hearingId);
  const total = hearings.reduce((sum, h) => sum + (filter.status === "submitted" ? h.submitted : h.total), 0);
  const where: Prisma.ReviewAssignmentWhereInput = {
    AND: [{ reviewerId }, filter.hearingId ? { item: { hearingId: filter.hearingId } } : {}, reviewStatusWhere[filter.status]],
  };
  const assignments =
    skip < total
      ? await db.reviewAssignment.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip, take: REVIEWS_PAGE_SIZE, include: assignmentRow })
      : [];
  return { ...page, total, assignments };
}

/** The reviewer's next assignment to score: the oldest unsubmitted one at an open hearing. */
export async function nextAssignment(reviewerId: string) {
  const { pending } = await reviewerOverview(reviewerId);
  let next: Pending | null = null;
  for (const p of pending) if (p.open && (!next || p.createdAt < next.createdAt || (p.createdAt === next.createdAt && p.id < next.id))) next = p;
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
