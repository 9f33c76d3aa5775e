import "server-only";
import { db } from "@/lib/db/client";
import { keptCount } from "@/lib/db/kept";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { likeText } from "@/lib/db/search";
import { projectScope } from "@/lib/projects/queries";
import { deadlineFor } from "@/lib/reports/service";
import { laggingProjectIds } from "@/lib/reports/lagging";
import {
  cellStatus,
  laggingMilestones,
  owesReport,
  quarterEnd,
  quarterOf,
  quarterStart,
  QUARTERS,
  type CellStatus,
  type Quarter,
} from "@/lib/reports/quarters";

export const GRID_PAGE_SIZE = 30;

type Viewer = Pick<CurrentUser, "id" | "roles" | "unitId">;

async function yearDeadlines(year: number) {
  return Object.fromEntries(await Promise.all(QUARTERS.map(async (q) => [q, await deadlineFor(db, year, q)] as const))) as Record<Quarter, Date>;
}

/** Projects implemented at some time during the year. */
function implementedIn(year: number): Prisma.ProjectWhereInput {
  return { startedAt: { not: null, lt: quarterStart(year + 1, 1) }, OR: [{ endedAt: null }, { endedAt: { gte: quarterStart(year, 1) } }] };
}

type Cell = { quarter: Quarter; status: CellStatus; reportId: string | null; late: boolean };
export type GridFilter = { year: number; liaison?: "me"; lagging?: "1"; q?: string; page?: number };

/** The grid's projects: implemented during the year, scoped like the project list, filtered as on screen. */
export async function gridWhere(viewer: Viewer, filter: GridFilter, now = new Date()): Promise<Prisma.ProjectWhereInput> {
  return gridWhereWith(viewer, filter, await gridLagging(filter, now));
}

/** Only lagging projects: the ids come from one query with the same rule (lib/reports/lagging.ts). */
function gridLagging(filter: GridFilter, now: Date) {
  return filter.lagging ? laggingProjectIds(filter.year, now) : Promise.resolve(null);
}

function gridWhereWith(viewer: Viewer, filter: GridFilter, laggingIds: string[] | null): Prisma.ProjectWhereInput {
  return {
    AND: [
      projectScope(viewer),
      implementedIn(filter.year),
      filter.liaison === "me" ? { liaisonId: viewer.id } : {},
      laggingIds ? { id: { in: laggingIds } } : {},
      filter.q ? { OR: [{ title: { contains: likeText(filter.q) } }, { unit: { name: { contains: likeText(filter.q) } } }] } : {},
    ],
  };
}

/**
 * The same conditions in SQL (`p` the project, `u` its unit), for the page's ids: ordered by the unit's code through
 * Prisma, the page was a LEFT JOIN that sorted every implemented project of the year (73,000 at 200,000 projects,
 * 74 ms); an inner join lets PostgreSQL go unit by unit in code order and sort one unit's projects at a time.
 * Kept in step with `gridWhereWith` by tests/integration/dashboard.test.ts, which compares the pages.
 */
function gridWhereSql(viewer: Viewer, filter: GridFilter, laggingIds: string[] | null): Prisma.Sql {
  const parts = [
    Prisma.sql`p."startedAt" IS NOT NULL AND p."startedAt" < ${quarterStart(filter.year + 1, 1)}`,
    Prisma.sql`(p."endedAt" IS NULL OR p."endedAt" >= ${quarterStart(filter.year, 1)})`,
  ];
  if (!seesWholeCounty(viewer.roles)) parts.push(Prisma.sql`p."unitId" = ${viewer.unitId}`);
  if (filter.liaison === "me") parts.push(Prisma.sql`p."liaisonId" = ${viewer.id}`);
  if (laggingIds) parts.push(Prisma.sql`p."id" = ANY(${laggingIds}::text[])`);
  if (filter.q) {
    const pattern = `%${likeText(filter.q)}%`;
    parts.push(Prisma.sql`(p."title" LIKE ${pattern} OR u."name" LIKE ${pattern})`);
  }
  return Prisma.join(parts, " AND ");
}

export const GRID_ORDER: Prisma.ProjectOrderByWithRelationInput[] = [{ unit: { code: "asc" } }, { title: "asc" }, { id: "asc" }];

export function gridSelect(year: number) {
  return {
    id: true,
    title: true,
    code: true,
    year: { select: { year: true } },
    state: true,
    startedAt: true,
    endedAt: true,
    unit: { select: { name: true } },
    liaison: { select: { name: true } },
    milestones: { select: { id: true, dueDate: true } },
    reports: {
      where: { year: { lte: year } },
      orderBy: [{ year: "desc" }, { quarter: "desc" }],
      select: { id: true, year: true, quarter: true, status: true, late: true, milestones: true },
    },
  } satisfies Prisma.ProjectSelect;
}

type GridProject = Prisma.ProjectGetPayload<{ select: ReturnType<typeof gridSelect> }>;

/** Each quarter's cell and the count of lagging milestones of one project. */
export function gridRow(project: GridProject, year: number, deadlines: Record<Quarter, Date>, now: Date) {
  const cells: Cell[] = QUARTERS.map((quarter) => {
    const report = project.reports.find((r) => r.year === year && r.quarter === quarter) ?? null;
    return {
      quarter,
      reportId: report?.id ?? null,
      late: Boolean(report?.late && report.status !== "DRAFT"),
      status: cellStatus({ owed: owesReport(project, year, quarter), report, year, quarter, deadline: deadlines[quarter] }, now),
    };
  });
  const latest = project.reports.find((r) => r.status !== "DRAFT");
  const lagging =
    project.state === "IN_PROGRESS"
      ? laggingMilestones(project.milestones, (latest?.milestones as { milestoneId: string; done: boolean }[] | null) ?? null, now)
      : [];
  return { project, cells, lagging: lagging.length };
}

export { yearDeadlines };

/** The staff grid: projects × the four quarters of a year, each cell's status, paginated in the database. */
export async function reportGrid(viewer: Viewer, filter: GridFilter, now = new Date()) {
  const laggingIds = await gridLagging(filter, now);
  const where = gridWhereWith(viewer, filter, laggingIds);
  const page = filter.page ?? 1;
  const deadlines = await yearDeadlines(filter.year);
  // The count is kept between writes (decision 0114): the year's implemented projects are a third of all at
  // 200,000, counted the same way on every load. The lagging filter depends on the hour, so it is counted afresh.
  const count = () => db.project.count({ where });
  const [total, projects] = await Promise.all([
    filter.lagging ? count() : keptCount(`reportGrid\n${JSON.stringify(where)}`, count),
    gridPage(gridWhereSql(viewer, filter, laggingIds), filter.year, page),
  ]);
  const rows = projects.map((project) => gridRow(project, filter.year, deadlines, now));
  return { total, page, pageSize: GRID_PAGE_SIZE, rows, deadlines };
}

/** One page of the grid in GRID_ORDER: its ids in SQL (see gridWhereSql), then their cells' data through Prisma. */
async function gridPage(where: Prisma.Sql, year: number, page: number) {
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Project" p JOIN "Unit" u ON u."id" = p."unitId"
     WHERE ${where}
     ORDER BY u."code" ASC, p."title" ASC, p."id" ASC
     LIMIT ${GRID_PAGE_SIZE} OFFSET ${(page - 1) * GRID_PAGE_SIZE}`;
  const found = new Map(
    (await db.project.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: gridSelect(year) })).map((project) => [project.id, project]),
  );
  return ids.flatMap((row) => found.get(row.id) ?? []);
}

/** What a unit owes: every report of its projects up to the current quarter of this year and last, not yet accepted. */
export function unitReportsDue(viewer: Viewer, now = new Date()) {
  return reportsDue({ unitId: viewer.unitId }, now);
}

/** The same for the projects a person leads after an individual bid (lib/projects/carrier.ts). */
export function ledReportsDue(userId: string, now = new Date()) {
  return reportsDue({ leadUserId: userId }, now);
}

async function reportsDue(owner: Prisma.ProjectWhereInput, now: Date) {
  const { year, quarter } = quarterOf(now);
  const years = [year - 1, year];
  const deadlines = { [year - 1]: await yearDeadlines(year - 1), [year]: await yearDeadlines(year) } as Record<number, Record<Quarter, Date>>;
  const projects = await db.project.findMany({
    where: { AND: [owner, { OR: years.map((y) => implementedIn(y)) }] },
    select: {
      id: true,
      title: true,
      startedAt: true,
      endedAt: true,
      reports: { where: { year: { in: years } }, select: { id: true, year: true, quarter: true, status: true, late: true } },
    },
    orderBy: { title: "asc" },
  });
  const items = [];
  for (const project of projects) {
    for (const y of years) {
      for (const q of QUARTERS) {
        if (y === year && q > quarter) continue;
        if (!owesReport(project, y, q)) continue;
        const report = project.reports.find((r) => r.year === y && r.quarter === q) ?? null;
        const status = cellStatus({ owed: true, report, year: y, quarter: q, deadline: deadlines[y][q] }, now);
        // Last year's reports matter only while something is still open.
        if (y < year && (status === "accepted" || status === "submitted" || status === "late")) continue;
        items.push({ project, year: y, quarter: q, status, deadline: deadlines[y][q] });
      }
    }
  }
  return items.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
}

/** One report page: the project (scoped to the viewer), its milestones, and the quarter's report if any. */
export async function reportPage(viewer: Viewer, projectId: string, year: number, quarter: Quarter) {
  const project = await db.project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(viewer)] },
    select: {
      id: true,
      title: true,
      unitId: true,
      leadUserId: true,
      liaisonId: true,
      liaison: { select: { name: true } },
      startedAt: true,
      endedAt: true,
      state: true,
      unit: { select: { name: true } },
      milestones: { orderBy: { sortOrder: "asc" } },
    },
  });
  if (!project) return null;
  const report = await db.progressReport.findUnique({
    where: { projectId_year_quarter: { projectId, year, quarter } },
    include: { attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } } },
  });
  return { project, report, deadline: await deadlineFor(db, year, quarter), county: seesWholeCounty(viewer.roles) };
}

export const UNIT_ITEMS_PAGE_SIZE = 30;

export type UnitItemFilter = { year: number | "all"; show: "open" | "all"; page: number };
export type UnitItem = {
  projectId: string;
  title: string;
  code: string | null;
  projectYear: number;
  year: number;
  quarter: Quarter;
  deadline: Date;
  status: CellStatus;
};
type Slot = { year: number; quarter: Quarter; start: Date; end: Date; deadline: Date };

/** The quarters of the given years that have started by `now`, with their bounds and deadlines. */
async function slotsOf(years: number[], now: Date): Promise<Slot[]> {
  const current = quarterOf(now);
  const slots: Slot[] = [];
  for (const year of years) {
    const deadlines = await yearDeadlines(year);
    for (const quarter of QUARTERS) {
      // A quarter owes nothing before it starts.
      if (year > current.year || (year === current.year && quarter > current.quarter)) continue;
      slots.push({ year, quarter, start: quarterStart(year, quarter), end: quarterEnd(year, quarter), deadline: deadlines[quarter] });
    }
  }
  return slots;
}

/**
 * One page of the unit's project × quarter items and their count. The quarters come in as one array per column;
 * each project is joined to the quarters it was in implementation during (owesReport) and each row's status is the
 * rule of cellStatus (lib/reports/quarters.ts) in SQL, so that the filter and the page are the database's.
 */
async function unitItemsPage(unitId: string, slots: Slot[], open: boolean, page: number, now: Date) {
  if (slots.length === 0) return { rows: [] as UnitItem[], total: 0 };
  const rows = await db.$queryRaw<(UnitItem & { total: bigint })[]>`
    WITH slots AS (
      SELECT * FROM unnest(${slots.map((s) => s.year)}::int[], ${slots.map((s) => s.quarter)}::int[],
        ${slots.map((s) => s.start.toISOString())}::timestamptz[], ${slots.map((s) => s.end.toISOString())}::timestamptz[],
        ${slots.map((s) => s.deadline.toISOString())}::timestamptz[]) AS s("year", "quarter", "start", "end", "deadline")
    ), items AS (
      SELECT p."id" AS "projectId", p."title", p."code", y."year" AS "projectYear", s."year", s."quarter", s."deadline",
        CASE
          WHEN r."status" = 'ACCEPTED' THEN 'accepted'
          WHEN r."status" = 'RETURNED' THEN 'returned'
          WHEN r."status" = 'SUBMITTED' THEN CASE WHEN r."late" THEN 'late' ELSE 'submitted' END
          WHEN ${now}::timestamptz >= s."deadline" THEN 'missing'
          WHEN ${now}::timestamptz < s."end" THEN 'upcoming'
          ELSE 'due'
        END AS "status"
      FROM "Project" p
      JOIN "Year" y ON y."id" = p."yearId"
      JOIN slots s ON p."startedAt" < s."end" AND (p."endedAt" IS NULL OR p."endedAt" >= s."start")
      LEFT JOIN "ProgressReport" r ON r."projectId" = p."id" AND r."year" = s."year" AND r."quarter" = s."quarter"
      WHERE p."unitId" = ${unitId} AND p."startedAt" IS NOT NULL
    )
    SELECT *, count(*) OVER () AS "total" FROM items
    WHERE ${!open} OR "status" IN ('upcoming', 'due', 'missing', 'returned')
    ORDER BY
      CASE WHEN ${open} THEN "deadline" END ASC,
      CASE WHEN ${open} THEN NULL ELSE "year" END DESC,
      CASE WHEN ${open} THEN NULL ELSE "quarter" END DESC,
      "code" ASC NULLS LAST, "title" ASC, "projectId" ASC
    LIMIT ${UNIT_ITEMS_PAGE_SIZE} OFFSET ${(page - 1) * UNIT_ITEMS_PAGE_SIZE}`;
  return {
    rows: rows.map(({ total: _total, ...row }) => ({
      ...row,
      year: Number(row.year),
      quarter: Number(row.quarter) as Quarter,
      projectYear: Number(row.projectYear),
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/**
 * The unit's quarterly reports page (issue 20 point 5): by default the current year's open items (to write, overdue,
 * returned), each with the project's code and year and the quarter; every year and every status one click away;
 * and how many earlier years' items are still open.
 */
export async function unitReportItems(viewer: Viewer, filter: UnitItemFilter, now = new Date()) {
  const current = quarterOf(now).year;
  const [first] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min("startedAt") AS "first" FROM "Project" WHERE "unitId" = ${viewer.unitId} AND "startedAt" IS NOT NULL`;
  const firstYear = Math.min(first?.first ? quarterOf(first.first).year : current, current);
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const years = filter.year === "all" ? range(firstYear, current) : [filter.year];
  const [page, earlier] = await Promise.all([
    unitItemsPage(viewer.unitId, await slotsOf(years, now), filter.show === "open", filter.page, now),
    filter.year !== "all" && firstYear < filter.year ? unitItemsPage(viewer.unitId, await slotsOf(range(firstYear, filter.year - 1), now), true, 1, now) : null,
  ]);
  return { ...page, page: filter.page, pageSize: UNIT_ITEMS_PAGE_SIZE, earlierOpen: earlier?.total ?? 0, currentYear: current, firstYear };
}
