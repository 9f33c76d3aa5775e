// Unit types and the shape of the unit tree. Pure.
import type { UnitType } from "@/lib/generated/prisma/enums";

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  CITY: "市",
  COUNTY: "县",
  TOWNSHIP: "乡镇",
  DEPARTMENT: "县直部门",
  SECTION: "部内科室",
};

export const UNIT_TYPES = Object.keys(UNIT_TYPE_LABELS) as UnitType[];

/** Which type of unit may sit directly above each type (null: may be a root). */
const ALLOWED_PARENTS: Record<UnitType, (UnitType | null)[]> = {
  CITY: [null],
  COUNTY: [null, "CITY"],
  TOWNSHIP: ["COUNTY"],
  DEPARTMENT: ["COUNTY"],
  SECTION: ["DEPARTMENT"],
};

export function parentProblem(type: UnitType, parentType: UnitType | null): string | null {
  if (ALLOWED_PARENTS[type].includes(parentType)) return null;
  const allowed = ALLOWED_PARENTS[type].filter((t): t is UnitType => t !== null).map((t) => UNIT_TYPE_LABELS[t]);
  if (parentType === null) return `${UNIT_TYPE_LABELS[type]}必须有上级单位（${allowed.join("或")}）`;
  return allowed.length
    ? `${UNIT_TYPE_LABELS[type]}的上级单位应为${allowed.join("或")}，不能是${UNIT_TYPE_LABELS[parentType]}`
    : `${UNIT_TYPE_LABELS[type]}不能有上级单位`;
}

export function unitTypeFromLabel(label: string): UnitType | null {
  const wanted = label.trim();
  const found = UNIT_TYPES.find((type) => UNIT_TYPE_LABELS[type] === wanted || type === wanted.toUpperCase());
  if (found) return found;
  // Common spellings in the department's own sheets.
  const aliases: Record<string, UnitType> = { 乡: "TOWNSHIP", 镇: "TOWNSHIP", 街道: "TOWNSHIP", 部门: "DEPARTMENT", 县直单位: "DEPARTMENT", 科室: "SECTION" };
  return aliases[wanted] ?? null;
}

export const UNIT_CODE_PREFIX: Record<UnitType, string> = { CITY: "S", COUNTY: "X", TOWNSHIP: "Z", DEPARTMENT: "B", SECTION: "K" };

/** Next free code such as Z019 among the codes already used. */
export function nextUnitCode(type: UnitType, usedCodes: Iterable<string>): string {
  const prefix = UNIT_CODE_PREFIX[type];
  let max = 0;
  for (const code of usedCodes) {
    const match = new RegExp(`^${prefix}(\\d+)$`).exec(code);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `${prefix}${String(max + 1).padStart(3, "0")}`;
}

/** How a unit is named to people: a section with its department (县委组织部办公室), others by name. */
export function unitLabel(unit: { name: string; type: UnitType; parent?: { name: string } | null }): string {
  return unit.type === "SECTION" && unit.parent ? `${unit.parent.name}${unit.name}` : unit.name;
}
