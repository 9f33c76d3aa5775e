// 组工讲坛 and exams without the database: year bounds, sign-in day, attendance rate, pass. Pure; Beijing time.
import { formatDate, parseBusinessDateTime } from "@/lib/time";

/** [1 January 00:00, next 1 January 00:00) of a year, Beijing time. */
export function yearBounds(year: number): { start: Date; end: Date } {
  return { start: parseBusinessDateTime(`${year}-01-01`)!, end: parseBusinessDateTime(`${year + 1}-01-01`)! };
}

/** A cadre signs in themselves on the session's own (Beijing) day only. */
export function canSignInNow(heldOn: Date, now: Date): boolean {
  return formatDate(heldOn) === formatDate(now);
}

/** Attended ÷ held, as a fraction; null when nothing was held (no rate rather than 0 %). */
export function attendanceRate(attended: number, held: number): number | null {
  return held > 0 ? Math.min(1, attended / held) : null;
}

export function passed(score: number, passMark: number): boolean {
  return score >= passMark;
}

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}
