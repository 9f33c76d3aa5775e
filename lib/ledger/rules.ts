// 盘点销号 rules without the database: when a problem is overdue, and the day arithmetic of target dates. Pure;
// days are Beijing days.
import type { LedgerStatus } from "@/lib/generated/prisma/enums";
import { LEDGER_MACHINE } from "@/lib/ledger/states";

const DAY = 86_400_000;

/** Still being worked on (a request waiting for confirmation is the confirmer's, not overdue work). */
export const WORKING = LEDGER_MACHINE.group("working");

/**
 * Overdue: still being worked on (在办 or 重新打开) once its target day is over, that is from 00:00 of the next
 * Beijing day. `targetDate` is the first instant of the target day.
 */
export function isOverdue(problem: { status: LedgerStatus; targetDate: Date }, now: Date): boolean {
  return WORKING.includes(problem.status) && problem.targetDate.getTime() + DAY <= now.getTime();
}

/** The latest target date that is overdue at `now` (for `targetDate <= cutoff` in a query). */
export function overdueCutoff(now: Date): Date {
  return new Date(now.getTime() - DAY);
}

/** Whole days past the target day (0 when not overdue). */
export function daysOverdue(problem: { status: LedgerStatus; targetDate: Date }, now: Date): number {
  if (!isOverdue(problem, now)) return 0;
  return Math.floor((now.getTime() - problem.targetDate.getTime() - DAY) / DAY) + 1;
}

/**
 * The countdown to a problem's target day in Beijing calendar days, for its owner's to-do: 还有 N 天, 今天到期,
 * or 已逾期 N 天 (as `daysOverdue`) once the target day is over.
 */
export function targetCountdown(problem: { status: LedgerStatus; targetDate: Date }, now: Date): { text: string; overdue: boolean; days: number } {
  if (isOverdue(problem, now)) {
    const days = daysOverdue(problem, now);
    return { text: `已逾期 ${days} 天`, overdue: true, days };
  }
  const today = Math.floor((now.getTime() + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  const days = Math.max(0, Math.round((problem.targetDate.getTime() - today) / DAY));
  return { text: days === 0 ? "今天到期" : `还有 ${days} 天`, overdue: false, days };
}
