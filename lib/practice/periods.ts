// 四个一: the seven items of a cadre's year, their periods, default due dates and the grid's cell states. Pure;
// times are Beijing time.
import type { PracticeKind, PracticeStatus, WindowKind } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";

export type Slot = { kind: PracticeKind; period: number; window: WindowKind; label: string; short: string };

/** The seven items, in the order of the year page and the grid's columns. */
export const SLOTS: Slot[] = [
  { kind: "RESEARCH", period: 1, window: "PRACTICE_R1", label: "第一季度调研报告", short: "一季度调研" },
  { kind: "RESEARCH", period: 2, window: "PRACTICE_R2", label: "第二季度调研报告", short: "二季度调研" },
  { kind: "RESEARCH", period: 3, window: "PRACTICE_R3", label: "第三季度调研报告", short: "三季度调研" },
  { kind: "RESEARCH", period: 4, window: "PRACTICE_R4", label: "第四季度调研报告", short: "四季度调研" },
  { kind: "PROBLEM", period: 1, window: "PRACTICE_P1", label: "上半年破解难题", short: "上半年难题" },
  { kind: "PROBLEM", period: 2, window: "PRACTICE_P2", label: "下半年破解难题", short: "下半年难题" },
  { kind: "EXEMPLAR", period: 1, window: "PRACTICE_E", label: "树立一个典型", short: "典型" },
];

export const KIND_LABELS: Record<PracticeKind, string> = { RESEARCH: "调研报告", PROBLEM: "破解难题", EXEMPLAR: "树立典型" };
export const PERIOD_COUNT: Record<PracticeKind, number> = { RESEARCH: 4, PROBLEM: 2, EXEMPLAR: 1 };

export function slotOf(kind: PracticeKind, period: number): Slot | undefined {
  return SLOTS.find((slot) => slot.kind === kind && slot.period === period);
}

const month = (year: number, m: number) => parseBusinessDateTime(`${year}-${String(m).padStart(2, "0")}-01`)!;

/** The first instant of the item's period (a quarter, a half-year, the year). */
export function periodStart(year: number, kind: PracticeKind, period: number): Date {
  if (kind === "RESEARCH") return month(year, (period - 1) * 3 + 1);
  if (kind === "PROBLEM") return month(year, period === 1 ? 1 : 7);
  return month(year, 1);
}

/** The instant the period is over (exclusive). */
export function periodEnd(year: number, kind: PracticeKind, period: number): Date {
  const next = kind === "RESEARCH" ? period * 3 + 1 : kind === "PROBLEM" ? period * 6 + 1 : 13;
  return next > 12 ? month(year + 1, 1) : month(year, next);
}

/** Default due date, when the year sets none: 23:59 of the 10th day after the period ends (as the other windows). */
export function defaultDue(year: number, kind: PracticeKind, period: number): Date {
  return new Date(periodEnd(year, kind, period).getTime() + 10 * 86_400_000 - 60_000);
}

export type PracticeCell = "upcoming" | "due" | "submitted" | "overdue" | "returned" | "accepted";
export const CELL_LABELS: Record<PracticeCell, string> = {
  upcoming: "未到期",
  due: "待提交",
  submitted: "已提交",
  overdue: "逾期",
  returned: "退回",
  accepted: "已认可",
};
export const CELL_TONES: Record<PracticeCell, "stone" | "blue" | "amber" | "green" | "red"> = {
  upcoming: "stone",
  due: "blue",
  submitted: "blue",
  overdue: "red",
  returned: "amber",
  accepted: "green",
};

/**
 * One item's state as shown: the stored state once submitted, else from the clock: 未到期 before its period starts,
 * 待提交 from then until the due date, 逾期 from the due date on (a draft does not count as submitted).
 */
export function practiceCell(
  input: { item: { status: PracticeStatus } | null; year: number; kind: PracticeKind; period: number; due: Date },
  now: Date,
): PracticeCell {
  const status = input.item?.status;
  if (status === "ACCEPTED") return "accepted";
  if (status === "RETURNED") return "returned";
  if (status === "SUBMITTED") return "submitted";
  if (now.getTime() >= input.due.getTime()) return "overdue";
  return now < periodStart(input.year, input.kind, input.period) ? "upcoming" : "due";
}

export function isLate(submittedAt: Date, due: Date): boolean {
  return submittedAt.getTime() >= due.getTime();
}

/** The item's segment of its page's address: "research-1", "problem-2", "exemplar-1". */
export function slotParam(slot: { kind: PracticeKind; period: number }): string {
  return `${slot.kind.toLowerCase()}-${slot.period}`;
}

export function parseSlotParam(param: string): Slot | undefined {
  const match = /^(research|problem|exemplar)-(\d)$/.exec(param);
  return match ? slotOf(match[1].toUpperCase() as PracticeKind, Number(match[2])) : undefined;
}

/** What a 典型 is: a person, a unit or a practice. */
export const EXEMPLAR_TYPE_LABELS = { PERSON: "先进个人", UNIT: "先进单位", PRACTICE: "典型做法" } as const;

const DAY = 86_400_000;

/** A to-do's countdown in whole days: "还有 3 天" (rounded up), "已逾期 2 天" (at least 1 once the due time passed). */
export function dueInDays(due: Date, now: Date): { text: string; overdue: boolean; days: number } {
  const diff = due.getTime() - now.getTime();
  if (diff > 0) {
    const days = Math.ceil(diff / DAY);
    return { text: `还有 ${days} 天`, overdue: false, days };
  }
  const days = Math.max(1, Math.ceil(-diff / DAY));
  return { text: `已逾期 ${days} 天`, overdue: true, days };
}

/** The cadre's to-do: items open for writing or owed (待提交, 逾期, 退回), the most pressing first. */
export function todoSlots<T extends { cell: PracticeCell; due: Date }>(slots: T[]): T[] {
  return slots.filter((s) => s.cell === "due" || s.cell === "overdue" || s.cell === "returned").sort((a, b) => a.due.getTime() - b.due.getTime());
}
