import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UnitType } from "@/lib/generated/prisma/enums";
import { likeText } from "@/lib/db/search";
import type { CurrentUser } from "@/lib/auth/session-store";
import { unitScope } from "@/lib/auth/scope";
import { unitLabel } from "@/lib/units/tree";
import type { z } from "@/lib/validation";
import type { unitFilterSchema } from "@/lib/units/schemas";

export const UNITS_PAGE_SIZE = 50;

export function unitWhere(viewer: CurrentUser, filter: z.infer<typeof unitFilterSchema>): Prisma.UnitWhereInput {
  return {
    AND: [
      unitScope(viewer),
      filter.q ? { OR: [{ name: { contains: likeText(filter.q) } }, { code: { contains: likeText(filter.q), mode: "insensitive" } }] } : {},
      filter.type ? { type: filter.type } : {},
      filter.status === "all" ? {} : { active: filter.status !== "inactive" },
    ],
  };
}

export const UNIT_ORDER: Prisma.UnitOrderByWithRelationInput[] = [{ type: "asc" }, { sortOrder: "asc" }, { code: "asc" }, { id: "asc" }];

export async function listUnits(viewer: CurrentUser, filter: z.infer<typeof unitFilterSchema>) {
  const where = unitWhere(viewer, filter);
  const page = filter.page ?? 1;
  const [total, units] = await Promise.all([
    db.unit.count({ where }),
    db.unit.findMany({
      where,
      orderBy: UNIT_ORDER,
      skip: (page - 1) * UNITS_PAGE_SIZE,
      take: UNITS_PAGE_SIZE,
      include: {
        parent: { select: { id: true, name: true } },
        _count: { select: { users: { where: { active: true } }, children: { where: { active: true } } } },
      },
    }),
  ]);
  return { total, page, pageSize: UNITS_PAGE_SIZE, units };
}

export function getUnit(viewer: CurrentUser, id: string) {
  return db.unit.findFirst({
    where: { AND: [{ id }, unitScope(viewer)] },
    include: { parent: { select: { id: true, name: true } } },
  });
}

/** Active units for pickers (parent unit, a user's unit), in tree order by type, named as people say them. */
export async function unitOptions(): Promise<{ id: string; name: string; type: UnitType; parentId: string | null }[]> {
  // One statement with the parent's name (through Prisma the parent was a second statement; decision 0112).
  const units = await db.$queryRaw<{ id: string; name: string; type: UnitType; parentId: string | null; parentName: string | null }[]>`
    SELECT u."id", u."name", u."type"::text AS "type", u."parentId", pa."name" AS "parentName"
      FROM "Unit" u LEFT JOIN "Unit" pa ON pa."id" = u."parentId"
     WHERE u."active"
     ORDER BY u."type" ASC, u."sortOrder" ASC, u."code" ASC`;
  return units.map(({ parentName, ...unit }) => ({ ...unit, name: unitLabel({ ...unit, parent: parentName === null ? null : { name: parentName } }) }));
}

export async function unitCountsByType() {
  const rows = await db.unit.groupBy({ by: ["type"], where: { active: true }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.type, row._count._all])) as Partial<Record<string, number>>;
}

/** The caller's own unit (its type decides the nomination level, for instance). */
export function ownUnit(unitId: string) {
  return db.unit.findUniqueOrThrow({ where: { id: unitId } });
}

/** A real township's name for the example row of the import templates. */
export function exampleTownship() {
  return db.unit.findFirst({ where: { active: true, type: "TOWNSHIP" }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { name: true } });
}

/** The county (root unit), the parent in the unit import template's example rows. */
export function rootUnit() {
  return db.unit.findFirst({ where: { parentId: null, active: true, type: "COUNTY" }, select: { name: true, code: true } });
}
