// Who sees which cadre's ledger problems, attendance, exam results and 心得体会 (issue 18): a cadre their own, a
// section head their section's, the admin, leaders and department staff outside the sections everyone's; units
// outside the department nobody's. Pure: the answers are Prisma where clauses, put in the query itself.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, UnitType } from "@/lib/generated/prisma/enums";

export type Reader = { id: string; roles: readonly Role[]; unit: { type: UnitType } };

/** Cadres (组工干部): active department staff whose unit is a section of the department (as lib/practice). */
export function cadreWhere(section?: string): Prisma.UserWhereInput {
  return { active: true, roles: { has: "COUNTY_STAFF" }, unit: { type: "SECTION", ...(section ? { id: section } : {}) } };
}

/** A cadre of a section (writes their own items). */
export function isSectionCadre(viewer: Reader): boolean {
  return viewer.roles.includes("COUNTY_STAFF") && viewer.unit.type === "SECTION";
}

/** Reads every cadre's records: the admin, leaders, and department staff who are not in a section. */
export function readsAllCadres(viewer: Reader): boolean {
  return viewer.roles.includes("COUNTY_ADMIN") || viewer.roles.includes("LEADER") || (viewer.roles.includes("COUNTY_STAFF") && viewer.unit.type !== "SECTION");
}

/** The cadres whose learning records the viewer may read, as a where clause on User. */
export function visibleCadreWhere(viewer: Reader, section?: string): Prisma.UserWhereInput {
  if (readsAllCadres(viewer)) return cadreWhere(section);
  if (isSectionCadre(viewer)) return { AND: [cadreWhere(section), { OR: [{ id: viewer.id }, { unit: { headId: viewer.id } }] }] };
  return { id: "-" };
}
