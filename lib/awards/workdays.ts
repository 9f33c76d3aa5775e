// Working days for the announcement period (公示期): weekends and the holidays the admin enters do not count. Pure; Beijing calendar.
import { formatDate, parseBusinessDateTime } from "@/lib/time";

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Monday..Friday and not an entered holiday. `isoDate` is "YYYY-MM-DD" (Beijing). */
export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate);
}

function nextIsoDate(isoDate: string): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + DAY).toISOString().slice(0, 10);
}

/**
 * When an announcement published at `publishedAt` ends: midnight (Beijing) after the `days`-th working day.
 * As with legal periods, the day of publication itself is not counted (期间自发布次日起计算).
 */
export function announcementEnd(publishedAt: Date, days: number, holidays: readonly string[]): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError("days must be a positive integer");
  const closed = new Set(holidays);
  let date = formatDate(publishedAt);
  let counted = 0;
  while (counted < days) {
    date = nextIsoDate(date);
    if (isWorkingDay(date, closed)) counted++;
  }
  return new Date(parseBusinessDateTime(date)!.getTime() + DAY);
}

/**
 * Working days left in the period from `now` (the current day counts while it is a working day). The day of
 * publication is not part of the period, so on that day the count starts with the next one.
 */
export function workingDaysLeft(now: Date, endsAt: Date, holidays: readonly string[], publishedAt?: Date | null): number {
  const closed = new Set(holidays);
  let left = 0;
  let first = formatDate(now);
  if (publishedAt && formatDate(publishedAt) >= first) first = nextIsoDate(formatDate(publishedAt));
  for (let date = first; parseBusinessDateTime(date)!.getTime() < endsAt.getTime(); date = nextIsoDate(date)) {
    if (isWorkingDay(date, closed)) left++;
  }
  return left;
}

/** Parses the admin's holiday list: one date per line or separated by commas/spaces; returns the bad entries too. */
export function parseHolidays(text: string): { dates: string[]; bad: string[] } {
  const entries = text.split(/[\s,，、；;]+/).filter(Boolean);
  const bad = entries.filter((entry) => !ISO_DATE.test(entry) || parseBusinessDateTime(entry) === null);
  const dates = [...new Set(entries.filter((entry) => !bad.includes(entry)))].sort();
  return { dates, bad };
}
