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
