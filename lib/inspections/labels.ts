// The words of inspections and rectification. Pure.
import { Finding, RectificationStatus } from "@/lib/generated/prisma/enums";
import { RECTIFICATION_MACHINE } from "@/lib/inspections/states";

export { Finding, RectificationStatus };
export const FINDING_LABELS: Record<Finding, string> = { ON_TRACK: "进展顺利", NORMAL: "基本正常", LAGGING: "进展滞后", PROBLEM: "存在问题" };
export const TROUBLE: Finding[] = ["LAGGING", "PROBLEM"];
export const RECTIFICATION_LABELS = Object.fromEntries(Object.entries(RECTIFICATION_MACHINE.states).map(([status, spec]) => [status, spec.label])) as Record<
  RectificationStatus,
  string
>;

/**
 * At risk: the team found the project lagging or in trouble while the unit's own report for that quarter
 * showed no milestone behind.
 */
export function atRisk(finding: Finding | null, unitReportedBehind: boolean | null): boolean {
  return finding !== null && TROUBLE.includes(finding) && unitReportedBehind === false;
}
