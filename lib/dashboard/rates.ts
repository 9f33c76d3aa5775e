// Pure helpers of the dashboards: percentages, the on-time report rate, chart scales and the words of charts.
import { quarterStart, type Quarter } from "@/lib/reports/quarters";

/** A share in whole percent, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (!whole || whole <= 0) return null;
  return Math.round((part / whole) * 100);
}

/** "85%", or "—" when the rate is undefined. */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${value}%`;
}

/** Quarters counted one after the other across years: 2026 Q1 → 2026 × 4 + 0. */
export function quarterIndex(year: number, quarter: Quarter): number {
  return year * 4 + (quarter - 1);
}

/** The first instants of every quarter from `firstYear` Q1 to `lastYear` Q4, for width_bucket in SQL. */
export function quarterBounds(firstYear: number, lastYear: number): Date[] {
  const bounds: Date[] = [];
  for (let year = firstYear; year <= lastYear; year++) for (const quarter of [1, 2, 3, 4] as Quarter[]) bounds.push(quarterStart(year, quarter));
  return bounds;
}

/**
 * The quarter (as quarterIndex) of an instant from its width_bucket over quarterBounds(firstYear, …): bucket k ≥ 1
 * is the k-th quarter from firstYear Q1; bucket 0 (before them all) counts as the quarter before.
 */
export function bucketQuarter(firstYear: number, bucket: number): number {
  return firstYear * 4 + bucket - 1;
}

/**
 * Projects grouped by the quarter their implementation started in and the quarter it ended in (null while
 * running): how many owe a report for the quarter, i.e. were implemented at some time during it
 * (the same rule as `owesReport`).
 */
export function owedIn(groups: { startQ: number; endQ: number | null; count: number }[], year: number, quarter: Quarter): number {
  const q = quarterIndex(year, quarter);
  return groups.reduce((sum, g) => (g.startQ <= q && (g.endQ === null || g.endQ >= q) ? sum + g.count : sum), 0);
}

export type QuarterRate = {
  year: number;
  quarter: Quarter;
  deadline: Date;
  /** The deadline has passed: only then does the quarter count. */
  closed: boolean;
  /** Reports owed for the quarter (projects implemented during it). */
  due: number;
  /** Submitted before the deadline (已报送 / 退回修改 / 已通过 and not late). */
  onTime: number;
  /** Submitted at or after the deadline. */
  late: number;
  /** Never submitted (逾期未报). */
  missing: number;
  rate: number | null;
};

/**
 * The on-time report rate of one quarter: reports submitted before the deadline ÷ reports owed, counted only
 * once the quarter's deadline has passed (before then the quarter is "未到期" and has no rate).
 */
export function quarterRate(input: { year: number; quarter: Quarter; deadline: Date; due: number; onTime: number; late: number }, now: Date): QuarterRate {
  const closed = now.getTime() >= input.deadline.getTime();
  const onTime = Math.min(input.onTime, input.due);
  const late = Math.min(input.late, input.due - onTime);
  return { ...input, onTime, late, closed, missing: closed ? Math.max(0, input.due - onTime - late) : 0, rate: closed ? percent(onTime, input.due) : null };
}

/** The rate over several quarters: only quarters whose deadline passed count. */
export function combinedRate(quarters: QuarterRate[]): { due: number; onTime: number; rate: number | null } {
  const closed = quarters.filter((q) => q.closed);
  const due = closed.reduce((sum, q) => sum + q.due, 0);
  const onTime = closed.reduce((sum, q) => sum + q.onTime, 0);
  return { due, onTime, rate: percent(onTime, due) };
}

/** Lengths of bars for values on a scale of `size` (the largest value fills it, a non-zero value shows at least 1). */
export function barLengths(values: number[], size: number, max = Math.max(0, ...values)): number[] {
  if (max <= 0) return values.map(() => 0);
  return values.map((v) => (v <= 0 ? 0 : Math.max(1, Math.round((Math.min(v, max) / max) * size * 10) / 10)));
}

/** Segments of a stacked bar of total width `size`: start and width of each part, rounded to tenths. */
export function stackSegments(values: number[], size: number): { x: number; width: number }[] {
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
  let x = 0;
  return values.map((v) => {
    const width = total > 0 ? Math.round((Math.max(0, v) / total) * size * 10) / 10 : 0;
    const segment = { x: Math.round(x * 10) / 10, width };
    x += width;
    return segment;
  });
}

/** The words of a chart for its text alternative: "标题：甲 3 个，乙 0 个". */
export function describeChart(title: string, items: { label: string; value: number | null }[], unit = "个"): string {
  const parts = items.map((item) => (item.value === null ? `${item.label}无数据` : `${item.label} ${item.value}${unit}`));
  return `${title}：${parts.length ? parts.join("，") : "暂无数据"}`;
}

/** Sorts a list of deadlines' owners: the nearest deadline first, those without one last. */
export function byDeadline<T extends { deadline: Date | null }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.deadline?.getTime() ?? Infinity) - (b.deadline?.getTime() ?? Infinity));
}
