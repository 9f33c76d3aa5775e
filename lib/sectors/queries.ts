import "server-only";
import { db } from "@/lib/db/client";
import { sectorLabel } from "@/lib/sectors/label";

export function allSectors() {
  return db.sector.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], include: { _count: { select: { projects: true } } } });
}

export function activeSectors() {
  return db.sector.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, grouping: true } });
}

/** The filter options: each active sector, and each group once ("两新"组织 = 非公企业 + 社会组织). */
export async function sectorFilterOptions() {
  const sectors = await activeSectors();
  const groups = [...new Set(sectors.map((sector) => sector.grouping).filter((g): g is string => Boolean(g)))];
  return [
    ...groups.map((group) => ({ value: `group:${group}`, label: `${group}（全部）` })),
    ...sectors.map((sector) => ({ value: sector.id, label: sectorLabel(sector) })),
  ];
}
