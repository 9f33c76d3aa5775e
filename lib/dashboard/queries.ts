// The dashboards' data: one function per panel, each one or two aggregate queries in PostgreSQL
// (GROUP BY / COUNT … FILTER), never a list of all projects in memory.
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectState, SuggestionCategory, TopicFocus, TopicTier, UnitType, WindowKind } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/session-store";
import { defaultDeadline, QUARTERS, type Quarter } from "@/lib/reports/quarters";
import { laggingRows, type LaggingRow } from "@/lib/reports/lagging";
import { unitReportsDue } from "@/lib/reports/queries";
import { unitOpenRectifications } from "@/lib/inspections/queries";
import { topicsToPropose } from "@/lib/projects/queries";
import { myHearingProgress, nextAssignment } from "@/lib/hearings/queries";
import { juryTasks } from "@/lib/awards/queries";
import { campaignPhase } from "@/lib/awards/phase";
import { bucketQuarter, byDeadline, combinedRate, owedIn, quarterBounds, quarterRate, type QuarterRate } from "@/lib/dashboard/rates";
import { PROJECT_MACHINE } from "@/lib/projects/states";
import { REPORT_MACHINE } from "@/lib/reports/states";
import { CLAIM_MACHINE } from "@/lib/topics/states";
import { inputsStamp, KeptValues } from "@/lib/db/kept";

type Viewer = Pick<CurrentUser, "id" | "roles" | "unitId">;

/** The county sees every project but another unit's draft that was never submitted (as on /projects). */
const VISIBLE = Prisma.sql`NOT (p."state" = 'DRAFT' AND p."submittedAt" IS NULL)`;
/** Went through approval: 已立项, 实施中, 已结项, 已终止 (the project table's `approvedStage`). */
export const APPROVED_STAGE = PROJECT_MACHINE.group("approvedStage");
const APPROVED_SQL = Prisma.sql`p."state" = ANY(${APPROVED_STAGE}::"ProjectState"[])`;
/** Reports handed in at least once (the report table's `handedIn`): counted on time or late. */
const HANDED_IN_SQL = Prisma.sql`r."status" = ANY(${REPORT_MACHINE.group("handedIn")}::"ReportStatus"[])`;
/** County: projects of the year by state. */
export async function projectsByState(yearId: string): Promise<Partial<Record<ProjectState, number>>> {
  const rows = await db.$queryRaw<{ state: ProjectState; n: number }[]>`
    SELECT p."state"::text AS state, count(*)::int AS n FROM "Project" p WHERE p."yearId" = ${yearId} AND ${VISIBLE} GROUP BY p."state"`;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export type Dimensions = {
  category: Partial<Record<SuggestionCategory | "NONE", number>>;
  focus: Partial<Record<TopicFocus | "NONE", number>>;
  tier: Partial<Record<TopicTier | "NONE", number>>;
  unitType: Partial<Record<UnitType, number>>;
};

/** County: projects of the year by category, focus, tier and unit type, in one GROUPING SETS query. */
export async function projectsByDimension(yearId: string): Promise<Dimensions> {
  const rows = await db.$queryRaw<{ category: string | null; focus: string | null; tier: string | null; unitType: string | null; g: number; n: number }[]>`
    SELECT p."category"::text AS category, p."focus"::text AS focus, p."tier"::text AS tier, u."type"::text AS "unitType",
           GROUPING(p."category", p."focus", p."tier", u."type")::int AS g, count(*)::int AS n
      FROM "Project" p JOIN "Unit" u ON u."id" = p."unitId"
     WHERE p."yearId" = ${yearId} AND ${VISIBLE}
     GROUP BY GROUPING SETS ((p."category"), (p."focus"), (p."tier"), (u."type"))`;
  const result: Dimensions = { category: {}, focus: {}, tier: {}, unitType: {} };
  for (const row of rows) {
    // GROUPING's bits, highest first: category, focus, tier, type; a set bit means "not grouped by".
    if (row.g === 0b0111) (result.category as Record<string, number>)[row.category ?? "NONE"] = row.n;
    else if (row.g === 0b1011) (result.focus as Record<string, number>)[row.focus ?? "NONE"] = row.n;
    else if (row.g === 0b1101) (result.tier as Record<string, number>)[row.tier ?? "NONE"] = row.n;
    else if (row.g === 0b1110 && row.unitType) (result.unitType as Record<string, number>)[row.unitType] = row.n;
  }
  return result;
}

export type Pipeline = { topics: number; claims: number; proposals: number; fromTopics: number; approved: number; completed: number };

/** County: from published topics to take-ups, proposals, approvals and completions of the year. */
export async function pipeline(yearId: string): Promise<Pipeline> {
  const [row] = await db.$queryRaw<Pipeline[]>`
    SELECT (SELECT count(*) FROM "Topic" t WHERE t."yearId" = ${yearId} AND t."status" = 'PUBLISHED')::int AS topics,
           (SELECT count(*) FROM "TopicClaim" c JOIN "Topic" t ON t."id" = c."topicId"
             WHERE t."yearId" = ${yearId} AND t."status" = 'PUBLISHED' AND c."status" = ANY(${CLAIM_MACHINE.group("takenUp")}::"ClaimStatus"[]))::int AS claims,
           count(*) FILTER (WHERE ${VISIBLE})::int AS proposals,
           count(*) FILTER (WHERE ${VISIBLE} AND p."topicId" IS NOT NULL)::int AS "fromTopics",
           count(*) FILTER (WHERE ${APPROVED_SQL})::int AS approved,
           count(*) FILTER (WHERE p."state" = 'COMPLETED')::int AS completed
      FROM "Project" p WHERE p."yearId" = ${yearId}`;
  return row;
}

/** Every quarter's report deadline of the given years: the year's 进展报送 deadline, else the default. */
export async function deadlines(years: number[]): Promise<Map<string, Date>> {
  const windows = await db.yearWindow.findMany({
    where: { year: { year: { in: years } }, kind: { in: ["REPORT_Q1", "REPORT_Q2", "REPORT_Q3", "REPORT_Q4"] as WindowKind[] } },
    select: { kind: true, endsAt: true, year: { select: { year: true } } },
  });
  const map = new Map<string, Date>();
  for (const year of years) for (const q of QUARTERS) map.set(`${year}-${q}`, defaultDeadline(year, q));
  for (const w of windows) map.set(`${w.year.year}-${w.kind.slice(-1)}`, w.endsAt);
  return map;
}

export type ReportRates = {
  /** County-wide, per year (ascending) and quarter. */
  years: { year: number; quarters: QuarterRate[]; rate: number | null; due: number; onTime: number }[];
  /** Per unit, the selected year's quarters combined. */
  byUnit: Map<string, { due: number; onTime: number; rate: number | null }>;
};

/**
 * The on-time report rate (按时报送率): of the reports owed for a quarter whose deadline has passed (every project
 * implemented at some time during the quarter owes one, see owesReport), the share submitted before that
 * deadline (已报送, 退回修改 or 已通过, and not flagged late). Three aggregate queries for all years and units.
 */
export async function reportRates(years: number[], selectedYear: number, now: Date): Promise<ReportRates> {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const first = (sorted[0] ?? selectedYear) - 1;
  const bounds = quarterBounds(first, (sorted.at(-1) ?? selectedYear) + 1).map((d) => d.toISOString());
  const [buckets, submitted, submittedByUnit, due] = await Promise.all([
    // The quarter of each start and end by binary search over the quarters' first instants (no time-zone arithmetic per row).
    db.$queryRaw<{ unitId: string; startB: number; endB: number | null; count: number }[]>`
      SELECT p."unitId", width_bucket(p."startedAt", ${bounds}::timestamptz[]) AS "startB",
             CASE WHEN p."endedAt" IS NULL THEN NULL ELSE width_bucket(p."endedAt", ${bounds}::timestamptz[]) END AS "endB", count(*)::int AS count
        FROM "Project" p WHERE p."startedAt" IS NOT NULL GROUP BY 1, 2, 3`,
    db.$queryRaw<{ year: number; quarter: number; onTime: number; late: number }[]>`
      SELECT r."year", r."quarter", count(*) FILTER (WHERE NOT r."late")::int AS "onTime", count(*) FILTER (WHERE r."late")::int AS late
        FROM "ProgressReport" r WHERE ${HANDED_IN_SQL} AND r."year" = ANY(${sorted}) GROUP BY 1, 2`,
    db.$queryRaw<{ unitId: string; quarter: number; onTime: number; late: number }[]>`
      SELECT p."unitId", r."quarter", count(*) FILTER (WHERE NOT r."late")::int AS "onTime", count(*) FILTER (WHERE r."late")::int AS late
        FROM "ProgressReport" r JOIN "Project" p ON p."id" = r."projectId"
       WHERE ${HANDED_IN_SQL} AND r."year" = ${selectedYear} GROUP BY 1, 2`,
    deadlines(sorted),
  ]);
  const owed = buckets.map((g) => ({
    unitId: g.unitId,
    count: g.count,
    startQ: bucketQuarter(first, g.startB),
    endQ: g.endB === null ? null : bucketQuarter(first, g.endB),
  }));
  const rateOf = (groups: typeof owed, year: number, quarter: Quarter, counts: { onTime: number; late: number } | undefined) =>
    quarterRate(
      { year, quarter, deadline: due.get(`${year}-${quarter}`)!, due: owedIn(groups, year, quarter), onTime: counts?.onTime ?? 0, late: counts?.late ?? 0 },
      now,
    );
  const perYear = sorted.map((year) => {
    const quarters = QUARTERS.map((quarter) =>
      rateOf(
        owed,
        year,
        quarter,
        submitted.find((s) => s.year === year && s.quarter === quarter),
      ),
    );
    return { year, quarters, ...combinedRate(quarters) };
  });
  const byUnit = new Map<string, { due: number; onTime: number; rate: number | null }>();
  const unitIds = new Set(owed.map((g) => g.unitId));
  for (const unitId of unitIds) {
    const groups = owed.filter((g) => g.unitId === unitId);
    const quarters = QUARTERS.map((quarter) =>
      rateOf(
        groups,
        selectedYear,
        quarter,
        submittedByUnit.find((s) => s.unitId === unitId && s.quarter === quarter),
      ),
    );
    byUnit.set(unitId, combinedRate(quarters));
  }
  return { years: perYear, byUnit };
}

/** Lagging projects of the year: how many, the worst few, and how many per unit (for the township table). */
export async function lagging(year: number, now: Date, limit = 8) {
  const rows = await laggingRows(year, now);
  const byUnit = new Map<string, number>();
  for (const row of rows) byUnit.set(row.unitId, (byUnit.get(row.unitId) ?? 0) + 1);
  const items = [...rows].sort((a, b) => b.lagging - a.lagging || a.title.localeCompare(b.title, "zh")).slice(0, limit);
  return { total: rows.length, items, byUnit, rows };
}

export type TownshipRow = {
  id: string;
  name: string;
  proposals: number;
  approved: number;
  inProgress: number;
  completed: number;
  other: number;
  /** Proposals per year, in the order of the years asked for. */
  perYear: number[];
};

/** County: every township's projects of the year, and its proposals year by year, in one query. */
export async function townshipTable(year: number, years: number[]): Promise<TownshipRow[]> {
  const sorted = [...years].sort((a, b) => a - b);
  const rows = await db.$queryRaw<
    { id: string; name: string; year: number | null; proposals: number; approved: number; inProgress: number; completed: number }[]
  >`
    SELECT u."id", u."name", y."year",
           count(p."id") FILTER (WHERE ${VISIBLE})::int AS proposals,
           count(p."id") FILTER (WHERE ${APPROVED_SQL})::int AS approved,
           count(p."id") FILTER (WHERE p."state" = 'IN_PROGRESS')::int AS "inProgress",
           count(p."id") FILTER (WHERE p."state" = 'COMPLETED')::int AS completed
      FROM "Unit" u
      LEFT JOIN "Project" p ON p."unitId" = u."id"
      LEFT JOIN "Year" y ON y."id" = p."yearId"
     WHERE u."type" = 'TOWNSHIP' AND (u."active" OR p."id" IS NOT NULL)
     GROUP BY u."id", u."name", u."sortOrder", u."code", y."year"
     ORDER BY u."sortOrder", u."code"`;
  const table = new Map<string, TownshipRow>();
  for (const row of rows) {
    const entry = table.get(row.id) ?? {
      id: row.id,
      name: row.name,
      proposals: 0,
      approved: 0,
      inProgress: 0,
      completed: 0,
      other: 0,
      perYear: sorted.map(() => 0),
    };
    table.set(row.id, entry);
    if (row.year === null) continue;
    const index = sorted.indexOf(row.year);
    if (index >= 0) entry.perYear[index] = row.proposals;
    if (row.year === year) Object.assign(entry, { proposals: row.proposals, approved: row.approved, inProgress: row.inProgress, completed: row.completed });
  }
  for (const entry of table.values()) entry.other = Math.max(0, entry.proposals - entry.approved);
  return [...table.values()];
}

export type YearCounts = { year: number; proposals: number; approved: number; completed: number };

/** County: this year against earlier years — proposals, approvals and completions per programme year. */
export async function yearOverYear(): Promise<YearCounts[]> {
  return db.$queryRaw<YearCounts[]>`
    SELECT y."year",
           count(p."id") FILTER (WHERE ${VISIBLE})::int AS proposals,
           count(p."id") FILTER (WHERE ${APPROVED_SQL})::int AS approved,
           count(p."id") FILTER (WHERE p."state" = 'COMPLETED')::int AS completed
      FROM "Year" y LEFT JOIN "Project" p ON p."yearId" = y."id"
     GROUP BY y."year" ORDER BY y."year"`;
}

/** Unit: its projects of the year by state (its own drafts included). */
export async function unitProjectsByState(unitId: string, yearId: string): Promise<Partial<Record<ProjectState, number>>> {
  const rows = await db.project.groupBy({ by: ["state"], where: { unitId, yearId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

export type TodoItem = {
  key: string;
  kind: "claim" | "proposal" | "report" | "rectification" | "nomination";
  title: string;
  detail: string;
  href: string;
  deadline: Date | null;
  overdue: boolean;
};

/**
 * Unit: what it must do next, the nearest deadline first — answer assigned topics and revise bids before the
 * claim closes, write and submit proposals before the 项目申报 window closes, quarterly reports, open
 * rectification items, nominations while a campaign is nominating.
 */
export async function unitTodo(viewer: Viewer, yearId: string | null, now: Date): Promise<{ items: TodoItem[]; openTopics: number }> {
  const unitId = viewer.unitId;
  const [assigned, bids, openTopics, drafts, proposalWindow, toPropose, reports, rectifications, campaigns] = await Promise.all([
    db.topic.findMany({
      where: { status: "PUBLISHED", claimMode: "ASSIGNED", claimClosesAt: { gt: now }, units: { some: { unitId } }, claims: { none: { unitId } } },
      select: { id: true, code: true, title: true, claimClosesAt: true },
    }),
    db.topicClaim.findMany({
      where: { unitId, status: "BID", topic: { status: "PUBLISHED", claimClosesAt: { gt: now } } },
      select: { id: true, topic: { select: { id: true, code: true, title: true, claimClosesAt: true } } },
    }),
    db.topic.count({
      where: {
        status: "PUBLISHED",
        claimMode: { in: ["OPEN", "BIDDING"] },
        claimClosesAt: { gt: now },
        claims: { none: { unitId } },
        ...(yearId ? { yearId } : {}),
      },
    }),
    yearId
      ? db.project.findMany({ where: { unitId, yearId, state: { in: PROJECT_MACHINE.group("editable") } }, select: { id: true, title: true, state: true } })
      : [],
    yearId ? db.yearWindow.findUnique({ where: { yearId_kind: { yearId, kind: "PROPOSAL" } }, select: { endsAt: true } }) : null,
    topicsToPropose(unitId),
    unitReportsDue(viewer, now),
    unitOpenRectifications(unitId),
    db.campaign.findMany({
      where: { status: "OPEN", nominationStartsAt: { lte: now }, nominationEndsAt: { gt: now } },
      select: {
        id: true,
        title: true,
        status: true,
        nominationStartsAt: true,
        nominationEndsAt: true,
        announcementEndsAt: true,
        workQuotaPerUnit: true,
        personQuotaPerUnit: true,
        _count: { select: { nominations: { where: { unitId, withdrawnAt: null } } } },
      },
    }),
  ]);
  const items: TodoItem[] = [];
  for (const topic of assigned)
    items.push({
      key: `assigned-${topic.id}`,
      kind: "claim",
      title: `答复发包选题 ${topic.code} ${topic.title}`,
      detail: "接受或说明不能承接",
      href: `/topics/${topic.id}`,
      deadline: topic.claimClosesAt,
      overdue: false,
    });
  for (const bid of bids)
    items.push({
      key: `bid-${bid.id}`,
      kind: "claim",
      title: `投标 ${bid.topic.code} ${bid.topic.title}`,
      detail: "已投标，截止前可修改",
      href: `/topics/${bid.topic.id}`,
      deadline: bid.topic.claimClosesAt,
      overdue: false,
    });
  const proposalEnds = proposalWindow?.endsAt ?? null;
  const proposalOpen = proposalEnds ? now < proposalEnds : false;
  const STATE_TODO = { DRAFT: "撰写并提交申报书", RETURNED: "按退回意见补充后重新提交", REVISE: "修改后重新提交" } as const;
  for (const project of drafts) {
    const closedDraft = project.state === "DRAFT" && !proposalOpen;
    if (closedDraft) continue;
    items.push({
      key: `proposal-${project.id}`,
      kind: "proposal",
      title: project.title || "（未命名的申报书）",
      detail: STATE_TODO[project.state as keyof typeof STATE_TODO],
      href: `/projects/${project.id}`,
      deadline: project.state === "DRAFT" ? proposalEnds : null,
      overdue: false,
    });
  }
  if (proposalOpen)
    for (const topic of toPropose.filter((t) => t.yearId === yearId))
      items.push({
        key: `topic-${topic.id}`,
        kind: "proposal",
        title: `据选题 ${topic.code} ${topic.title} 申报`,
        detail: "已承担、尚未申报",
        href: `/topics/${topic.id}`,
        deadline: proposalEnds,
        overdue: false,
      });
  for (const report of reports) {
    if (report.status === "submitted" || report.status === "late" || report.status === "accepted") continue;
    const detail = { due: "待报送", upcoming: "本季度进展，季度结束后报送", missing: "已逾期，请尽快补报", returned: "被退回，请修改后重新报送", none: "" }[
      report.status
    ];
    items.push({
      key: `report-${report.project.id}-${report.year}-${report.quarter}`,
      kind: "report",
      title: `${report.project.title} ${report.year}年第${report.quarter}季度进展报告`,
      detail,
      href: `/reports/${report.project.id}/${report.year}/${report.quarter}`,
      deadline: report.deadline,
      overdue: report.status === "missing",
    });
  }
  for (const item of rectifications)
    items.push({
      key: `rect-${item.id}`,
      kind: "rectification",
      title: `整改：${item.content}`,
      detail: `${item.item.project.title}（${item.item.inspection.theme}）${item.status === "OPEN" ? "待答复" : "已答复，待督查组销号"}`,
      href: `/inspections/${item.item.inspectionId}`,
      deadline: item.dueAt,
      overdue: item.status === "OPEN" && item.dueAt <= now,
    });
  for (const campaign of campaigns) {
    if (campaignPhase(campaign, now) !== "NOMINATING") continue;
    items.push({
      key: `nominate-${campaign.id}`,
      kind: "nomination",
      title: `${campaign.title}：推荐创新性工作和人才`,
      detail: `本单位已推荐 ${campaign._count.nominations} 项（名额：工作 ${campaign.workQuotaPerUnit} 项、人才 ${campaign.personQuotaPerUnit} 名）`,
      href: `/awards/${campaign.id}`,
      deadline: campaign.nominationEndsAt,
      overdue: false,
    });
  }
  const overdue = items.filter((i) => i.overdue);
  return { items: [...byDeadline(overdue), ...byDeadline(items.filter((i) => !i.overdue))], openTopics };
}

/** Reviewer: hearing assignments of open hearings and year-end jury tasks, done against total. */
export async function reviewerProgress(viewer: Viewer) {
  const [progress, jury, nextAssignmentId] = await Promise.all([myHearingProgress(viewer.id), juryTasks(viewer), nextAssignment(viewer.id)]);
  const open = progress.filter((h) => !h.closedAt);
  const campaigns = new Map<string, { title: string; startsAt: Date; done: number; total: number }>();
  for (const n of jury) {
    const entry = campaigns.get(n.campaign.id) ?? { title: n.campaign.title, startsAt: n.campaign.nominationEndsAt, done: 0, total: 0 };
    entry.total += 1;
    const mine = n.juryScores[0];
    if (mine?.submittedAt || mine?.conflictReason) entry.done += 1;
    campaigns.set(n.campaign.id, entry);
  }
  return {
    hearings: open.map((h) => ({ id: h.id, title: h.title, heldAt: h.heldAt, done: h.submitted, total: h.total })),
    campaigns: [...campaigns.entries()].map(([id, c]) => ({ id, ...c })),
    nextAssignmentId,
    closedDone: progress.filter((h) => h.closedAt).reduce((sum, h) => sum + h.total, 0),
  };
}

export type ProgrammeRow = {
  /** null: the projects of the year under no programme. */
  id: string | null;
  title: string;
  byState: Partial<Record<ProjectState, number>>;
  total: number;
  due: number;
  onTime: number;
  rate: number | null;
  lagging: { id: string; title: string; unitName: string; lagging: number }[];
};

/**
 * County: each programme (工程) of the year's plan with its projects by state, its on-time report rate (the rule of
 * reportRates, the year's quarters combined) and its lagging projects; the year's projects under no programme last.
 * Three aggregate queries grouped by programme, and the lagging rows the dashboard has already read.
 */
export async function programmePanel(yearId: string, year: number, now: Date, lagging: Promise<LaggingRow[]>): Promise<ProgrammeRow[]> {
  const bounds = quarterBounds(year - 1, year + 1).map((d) => d.toISOString());
  // The lagging rows come from the dashboard's own query, still running: this panel's queries start alongside it.
  const [programmes, counts, buckets, submitted, due, [laggingRows, placed]] = await Promise.all([
    db.planItem.findMany({
      where: { kind: { programme: true }, plan: { yearId } },
      orderBy: [{ parent: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, title: true },
    }),
    db.$queryRaw<{ programmeId: string | null; state: ProjectState; n: number }[]>`
      SELECT p."programmeId", p."state"::text AS state, count(*)::int AS n FROM "Project" p
       WHERE p."yearId" = ${yearId} AND ${VISIBLE} GROUP BY 1, 2`,
    db.$queryRaw<{ programmeId: string | null; startB: number; endB: number | null; count: number }[]>`
      SELECT p."programmeId", width_bucket(p."startedAt", ${bounds}::timestamptz[]) AS "startB",
             CASE WHEN p."endedAt" IS NULL THEN NULL ELSE width_bucket(p."endedAt", ${bounds}::timestamptz[]) END AS "endB", count(*)::int AS count
        FROM "Project" p WHERE p."yearId" = ${yearId} AND p."startedAt" IS NOT NULL GROUP BY 1, 2, 3`,
    db.$queryRaw<{ programmeId: string | null; quarter: number; onTime: number; late: number }[]>`
      SELECT p."programmeId", r."quarter", count(*) FILTER (WHERE NOT r."late")::int AS "onTime", count(*) FILTER (WHERE r."late")::int AS late
        FROM "ProgressReport" r JOIN "Project" p ON p."id" = r."projectId"
       WHERE ${HANDED_IN_SQL} AND r."year" = ${year} AND p."yearId" = ${yearId} GROUP BY 1, 2`,
    deadlines([year]),
    lagging.then(
      async (rows) =>
        [
          rows,
          rows.length === 0 ? [] : await db.project.findMany({ where: { id: { in: rows.map((r) => r.id) }, yearId }, select: { id: true, programmeId: true } }),
        ] as const,
    ),
  ]);
  const programmeOf = new Map(placed.map((p) => [p.id, p.programmeId]));
  const rows: ProgrammeRow[] = [...programmes.map((p) => ({ id: p.id as string | null, title: p.title })), { id: null, title: "未归入工程" }].map(
    (programme) => {
      const byState: Partial<Record<ProjectState, number>> = {};
      for (const c of counts.filter((c) => c.programmeId === programme.id)) byState[c.state] = c.n;
      const owed = buckets
        .filter((b) => b.programmeId === programme.id)
        .map((b) => ({ count: b.count, startQ: bucketQuarter(year - 1, b.startB), endQ: b.endB === null ? null : bucketQuarter(year - 1, b.endB) }));
      const quarters = QUARTERS.map((quarter) => {
        const s = submitted.find((x) => x.programmeId === programme.id && x.quarter === quarter);
        return quarterRate(
          { year, quarter, deadline: due.get(`${year}-${quarter}`)!, due: owedIn(owed, year, quarter), onTime: s?.onTime ?? 0, late: s?.late ?? 0 },
          now,
        );
      });
      const lag = laggingRows
        .filter((r) => programmeOf.has(r.id) && programmeOf.get(r.id) === programme.id)
        .sort((a, b) => b.lagging - a.lagging || a.title.localeCompare(b.title, "zh"));
      return {
        ...programme,
        byState,
        total: Object.values(byState).reduce((sum, n) => sum + (n ?? 0), 0),
        ...combinedRate(quarters),
        lagging: lag.map((r) => ({ id: r.id, title: r.title, unitName: r.unitName, lagging: r.lagging })),
      };
    },
  );
  // The "none" row only when some project of the year sits under no programme (or there is no plan at all).
  return rows.filter((row) => row.id !== null || row.total > 0);
}

/**
 * The county dashboard's figures from the project tables (every panel but 四个一, 盘点销号 and 调研), kept per
 * process and read again only when a write to their tables committed or `now` reached an instant at which they
 * change with time: a quarter's report deadline (the rates) or a milestone's day ending (lagging). Decision 0105.
 */
/** Year choices a county reader looks at: a few keys per process. */
const kept = new KeptValues(16);

/** Forgets every kept figure (tests). */
export function forgetKeptFigures() {
  kept.clear();
}

export async function countyFigures(year: { id: string; year: number }, allYears: number[], recent: number[], now: Date) {
  const stamp = await inputsStamp();
  return kept.get(`county:${year.id}:${allYears.join(",")}:${recent.join(",")}`, stamp, now, async () => {
    const behindNow = lagging(year.year, now);
    const [states, dims, flow, rates, behind, townships, history, programmes, due, [milestone]] = await Promise.all([
      projectsByState(year.id),
      projectsByDimension(year.id),
      pipeline(year.id),
      reportRates(allYears, year.year, now),
      behindNow,
      townshipTable(year.year, recent),
      yearOverYear(),
      programmePanel(
        year.id,
        year.year,
        now,
        behindNow.then((b) => b.rows),
      ),
      deadlines([...new Set([...allYears, year.year])]),
      // The next instant a milestone starts to lag (its day has ended: due date + 1 day), of any project.
      db.$queryRaw<{ next: Date | null }[]>`
        SELECT min(m."dueDate" + interval '1 day') AS next FROM "ProjectMilestone" m WHERE m."dueDate" + interval '1 day' > ${now}`,
    ]);
    const instants = [...due.values(), milestone?.next ?? null].filter((d): d is Date => d !== null && d.getTime() > now.getTime()).map((d) => d.getTime());
    return {
      value: { states, dims, flow, rates, behind, townships, history, programmes },
      validUntil: instants.length ? new Date(Math.min(...instants)) : null,
    };
  });
}

export type CountyFigures = Awaited<ReturnType<typeof countyFigures>>;
