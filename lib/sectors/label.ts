// Sector display and filter values. Pure: used by pages, components, queries and exports.
import type { Prisma } from "@/lib/generated/prisma/client";

/** "两新"组织·非公企业, or the bare name of a sector without a group. */
export function sectorLabel(sector: { name: string; grouping: string | null }) {
  return sector.grouping ? `${sector.grouping}·${sector.name}` : sector.name;
}

export function sectorLabels(rows: readonly { sector: { name: string; grouping: string | null } }[]) {
  return rows.map((row) => sectorLabel(row.sector)).join("、");
}

/** The `where` on Project for a sector filter value (see sectorFilterSchema), evaluated in the database. */
export function projectSectorWhere(filter: string | undefined): Prisma.ProjectWhereInput {
  if (!filter) return {};
  if (filter.startsWith("group:")) return { sectors: { some: { sector: { grouping: filter.slice("group:".length) } } } };
  return { sectors: { some: { sectorId: filter } } };
}
