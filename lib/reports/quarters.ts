// Quarters, report deadlines and the status of each project × quarter cell. Pure; times are Beijing time.
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: Quarter[] = [1, 2, 3, 4];
export const QUARTER_LABELS: Record<Quarter, string> = { 1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度" };

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant a quarter starts: midnight (Beijing) of its first day. */
export function quarterStart(year: number, quarter: Quarter): Date {
  return parseBusinessDateTime(`${year}-${pad((quarter - 1) * 3 + 1)}-01`)!;
}

/** The instant a quarter is over: midnight of the next quarter's first day (exclusive). */
export function quarterEnd(year: number, quarter: Quarter): Date {
  return quarter === 4 ? quarterStart(year + 1, 1) : quarterStart(year, (quarter + 1) as Quarter);
}

/** Default deadline: the end of the 10th day after the quarter ends (Q1 → 10 April 24:00, Beijing). */
export function defaultDeadline(year: number, quarter: Quarter): Date {
  return new Date(quarterEnd(year, quarter).getTime() + 10 * 86_400_000);
}

/** The year and quarter an instant falls in, by the Beijing calendar. */
export function quarterOf(instant: Date): { year: number; quarter: Quarter } {
  const beijing = new Date(instant.getTime() + 8 * 3_600_000);
  return { year: beijing.getUTCFullYear(), quarter: (Math.floor(beijing.getUTCMonth() / 3) + 1) as Quarter };
}

/** A project owes a quarter's report if it was being implemented at some time during that quarter. */
export function owesReport(project: { startedAt: Date | null; endedAt: Date | null }, year: number, quarter: Quarter): boolean {
  if (!project.startedAt) return false;
  return project.startedAt < quarterEnd(year, quarter) && (!project.endedAt || project.endedAt >= quarterStart(year, quarter));
}

export type CellStatus = "none" | "upcoming" | "due" | "submitted" | "late" | "missing" | "returned" | "accepted";
export const CELL_LABELS: Record<CellStatus, string> = {
  none: "无需报送",
  upcoming: "未到期",
  due: "待报送",
  submitted: "已报送",
  late: "逾期报送",
  missing: "逾期未报",
  returned: "退回修改",
  accepted: "已通过",
};

/**
 * One cell of the staff grid. The deadline is compared with the server's clock: a report submitted at the
 * deadline instant or later is late, and with no report by then the cell is missing.
 */
export function cellStatus(
  input: { owed: boolean; report: { status: ReportStatus; late: boolean } | null; year: number; quarter: Quarter; deadline: Date },
  now: Date,
): CellStatus {
  if (!input.owed) return "none";
  const report = input.report;
  if (report?.status === "ACCEPTED") return "accepted";
  if (report?.status === "RETURNED") return "returned";
  if (report?.status === "SUBMITTED") return report.late ? "late" : "submitted";
  // The deadline decides first, even one the admin set before the quarter's end.
  if (now >= input.deadline) return "missing";
  return now < quarterEnd(input.year, input.quarter) ? "upcoming" : "due";
}

export function isLate(submittedAt: Date, deadline: Date): boolean {
  return submittedAt.getTime() >= deadline.getTime();
}

type PlannedMilestone = { id: string; dueDate: Date | null };
type ReportedMilestone = { milestoneId: string; done: boolean };

/** Lagging: a milestone whose date has passed and that the latest report does not mark done. */
export function laggingMilestones(milestones: PlannedMilestone[], latest: ReportedMilestone[] | null, now: Date): string[] {
  const done = new Set((latest ?? []).filter((m) => m.done).map((m) => m.milestoneId));
  return milestones.filter((m) => m.dueDate && m.dueDate.getTime() + 86_400_000 <= now.getTime() && !done.has(m.id)).map((m) => m.id);
}
