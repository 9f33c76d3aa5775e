import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { laggingMilestones } from "@/lib/reports/quarters";

type Viewer = Pick<CurrentUser, "id" | "roles" | "unitId">;

/** County readers see every inspection; a unit only published ones that inspected its projects. */
export const INSPECTIONS_PAGE_SIZE = 30;

function inspectionWhere(viewer: Viewer, year: number): Prisma.InspectionWhereInput {
  const county = seesWholeCounty(viewer.roles);
  return { year, ...(county ? {} : { publishedAt: { not: null }, items: { some: { project: { unitId: viewer.unitId } } } }) };
}

/** A year's inspections the viewer may read; one page of them when `page` is given (the export takes them all). */
export function listInspections(viewer: Viewer, year: number, page?: number) {
  return db.inspection.findMany({
    where: inspectionWhere(viewer, year),
    orderBy: [{ quarter: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    include: { _count: { select: { items: true } } },
    ...(page ? { skip: (page - 1) * INSPECTIONS_PAGE_SIZE, take: INSPECTIONS_PAGE_SIZE } : {}),
  });
}

export function countInspections(viewer: Viewer, year: number) {
  return db.inspection.count({ where: inspectionWhere(viewer, year) });
}

export async function getInspection(viewer: Viewer, id: string) {
  const county = seesWholeCounty(viewer.roles);
  const inspection = await db.inspection.findFirst({
    where: { id, ...(county ? {} : { publishedAt: { not: null } }) },
    include: {
      members: true,
      items: {
        // A unit reads the sections about its own projects only.
        where: county ? {} : { project: { unitId: viewer.unitId } },
        orderBy: { project: { title: "asc" } },
        include: {
          project: {
            select: {
              id: true,
              title: true,
              unitId: true,
              unit: { select: { name: true } },
              milestones: { select: { id: true, dueDate: true } },
              reports: { where: { status: { not: "DRAFT" } }, select: { year: true, quarter: true, milestones: true, percent: true } },
            },
          },
          rectifications: { orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!inspection || (!county && inspection.items.length === 0)) return null;
  const memberNames = await db.user.findMany({ where: { id: { in: inspection.members.map((m) => m.userId) } }, select: { id: true, name: true } });
  // What the unit itself reported for the inspected quarter, to set against the team's finding.
  const items = inspection.items.map((item) => {
    const own = item.project.reports.find((r) => r.year === inspection.year && r.quarter === inspection.quarter);
    const behind = own
      ? laggingMilestones(item.project.milestones, (own.milestones as { milestoneId: string; done: boolean }[] | null) ?? [], new Date()).length > 0
      : null;
    return { ...item, ownReport: own ?? null, unitReportedBehind: behind };
  });
  return { ...inspection, items, memberNames };
}

export const PICK_LIMIT = 200;

/** Projects being implemented, narrowed by a word of the title or the unit; at most PICK_LIMIT, with the count. */
export async function inspectableProjects(q?: string) {
  const where: Prisma.ProjectWhereInput = {
    state: "IN_PROGRESS",
    ...(q ? { OR: [{ title: { contains: q } }, { unit: { name: { contains: q } } }] } : {}),
  };
  const [total, projects] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ unit: { code: "asc" } }, { title: "asc" }, { id: "asc" }],
      take: PICK_LIMIT,
      select: { id: true, title: true, unit: { select: { name: true } } },
    }),
  ]);
  return { total, projects };
}

export function staffOptions() {
  return db.user.findMany({
    where: { active: true, roles: { hasSome: ["COUNTY_STAFF"] } },
    orderBy: { username: "asc" },
    select: { id: true, name: true, unit: { select: { name: true } } },
  });
}

/** Open rectification items of a project, for its page. */
export function openRectifications(projectId: string) {
  return db.rectificationItem.findMany({
    where: { item: { projectId, inspection: { publishedAt: { not: null } } }, status: { not: "ACCEPTED" } },
    include: { item: { select: { inspectionId: true, inspection: { select: { theme: true } } } } },
  });
}

/** A unit's rectification items not yet accepted, across every published inspection. */
export function unitOpenRectifications(unitId: string) {
  return db.rectificationItem.findMany({
    where: { unitId, status: { not: "ACCEPTED" }, item: { inspection: { publishedAt: { not: null } } } },
    orderBy: { dueAt: "asc" },
    include: { item: { select: { inspectionId: true, project: { select: { title: true } }, inspection: { select: { theme: true } } } } },
  });
}
