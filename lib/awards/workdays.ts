// Working days for the announcement period (公示期), on the national calendar with 调休 and the county's local days
// (lib/calendar/workdays). Pure; Beijing calendar.
import type { CalendarDayInfo, WorkdayCalendar } from "@/lib/calendar/workdays";
import { formatDate, parseBusinessDateTime } from "@/lib/time";

const DAY = 86_400_000;

function nextIsoDate(isoDate: string): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + DAY).toISOString().slice(0, 10);
}

/**
 * When an announcement published at `publishedAt` ends: midnight (Beijing) after the `days`-th working day.
 * As with legal periods, the day of publication itself is not counted (期间自发布次日起计算).
 */
export function announcementEnd(publishedAt: Date, days: number, calendar: WorkdayCalendar): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError("days must be a positive integer");
  let date = formatDate(publishedAt);
  let counted = 0;
  while (counted < days) {
    date = nextIsoDate(date);
    if (calendar.isWorkingDay(date)) counted++;
  }
  return new Date(parseBusinessDateTime(date)!.getTime() + DAY);
}

/**
 * Working days left in the period from `now` (the current day counts while it is a working day). The day of
 * publication is not part of the period, so on that day the count starts with the next one.
 */
export function workingDaysLeft(now: Date, endsAt: Date, calendar: WorkdayCalendar, publishedAt?: Date | null): number {
  let left = 0;
  let first = formatDate(now);
  if (publishedAt && formatDate(publishedAt) >= first) first = nextIsoDate(formatDate(publishedAt));
  for (let date = first; parseBusinessDateTime(date)!.getTime() < endsAt.getTime(); date = nextIsoDate(date)) {
    if (calendar.isWorkingDay(date)) left++;
  }
  return left;
}

/** Every day of the period, from the day after publication to the last one, each with whether it counted and why. */
export function announcementDays(publishedAt: Date, endsAt: Date, calendar: WorkdayCalendar): CalendarDayInfo[] {
  const days: CalendarDayInfo[] = [];
  for (let date = nextIsoDate(formatDate(publishedAt)); parseBusinessDateTime(date)!.getTime() < endsAt.getTime(); date = nextIsoDate(date)) {
    days.push(calendar.day(date));
  }
  return days;
}
