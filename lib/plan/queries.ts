// The work plan as each reader may see it: county readers every plan, units and reviewers the published ones
// (scoped in the query). Programme options for forms and filters, and the programme filter's `where`.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";

type Viewer = Pick<CurrentUser, "roles">;

/** The plans a viewer may read: all for county readers, the published ones for everyone else. */
export function planScope(viewer: Viewer): Prisma.WorkPlanWhereInput {
  return seesWholeCounty(viewer.roles) ? {} : { status: "PUBLISHED" };
}

/** The year's plan with its items (flat; lib/plan/rules.ts builds the tree), or null when the viewer may not see one. */
export function planForYear(viewer: Viewer, yearId: string) {
  return db.workPlan.findFirst({
    where: { yearId, ...planScope(viewer) },
    include: {
      year: { select: { id: true, year: true } },
      items: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        include: {
          kind: { select: { id: true, name: true, programme: true } },
          section: { select: { id: true, name: true } },
          // As the county's project list counts: another unit's draft never submitted is not counted.
          _count: { select: { projects: { where: { OR: [{ state: { not: "DRAFT" } }, { submittedAt: { not: null } }] } }, topics: true } },
        },
      },
    },
  });
}
export type PlanWithItems = NonNullable<Awaited<ReturnType<typeof planForYear>>>;

/** Whether an earlier year has a plan to copy (county readers only use it). */
export async function copySource(year: number) {
  return db.workPlan.findFirst({ where: { year: { year: { lt: year } } }, orderBy: { year: { year: "desc" } }, select: { year: { select: { year: true } } } });
}

export function planKinds() {
  return db.planItemKind.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { _count: { select: { items: true } } } });
}

/** The department's sections that may be responsible for an item (责任科室). */
export function sectionOptions() {
  return db.unit.findMany({ where: { type: "SECTION", active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } });
}

/**
 * The programmes (items of a 可归入项目 kind) of a year's plan, in plan order, for a form or a filter; a viewer
 * who is not a county reader gets them only from a published plan.
 */
export async function programmeOptions(viewer: Viewer, yearId: string | null | undefined) {
  if (!yearId) return [];
  const items = await db.planItem.findMany({
    where: { kind: { programme: true }, plan: { yearId, ...planScope(viewer) } },
    orderBy: [{ parent: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, title: true, goals: true },
  });
  return items;
}

/** The `where` on Project or Topic for a programme filter value ("none": under no programme). */
export function programmeWhere(filter: string | undefined): { programmeId?: string | null } {
  if (!filter) return {};
  return { programmeId: filter === "none" ? null : filter };
}
