// The words of inspections and rectification. Pure.
import { Finding, RectificationStatus } from "@/lib/generated/prisma/enums";

export { Finding, RectificationStatus };
export const FINDING_LABELS: Record<Finding, string> = { ON_TRACK: "进展顺利", NORMAL: "基本正常", LAGGING: "进展滞后", PROBLEM: "存在问题" };
export const TROUBLE: Finding[] = ["LAGGING", "PROBLEM"];
export const RECTIFICATION_LABELS: Record<RectificationStatus, string> = { OPEN: "待整改", ANSWERED: "已答复", ACCEPTED: "已销号" };

/**
 * At risk: the team found the project lagging or in trouble while the unit's own report for that quarter
 * showed no milestone behind.
 */
export function atRisk(finding: Finding | null, unitReportedBehind: boolean | null): boolean {
  return finding !== null && TROUBLE.includes(finding) && unitReportedBehind === false;
}
