// The working-day calendar: the national one (chinese-days: 法定节假日 and 调休 as published by the State Council)
// with the county's own changes (CalendarDay) over it. Pure; dates are "YYYY-MM-DD" on the Beijing calendar.
import chineseDays from "chinese-days";

const { getDayDetail } = chineseDays;

export type LocalDay = { date: string; working: boolean; note: string };

export type DayReason = "weekday" | "weekend" | "holiday" | "makeup" | "local-off" | "local-work";

export type CalendarDayInfo = { date: string; working: boolean; reason: DayReason; label: string };

export type WorkdayCalendar = {
  day(date: string): CalendarDayInfo;
  isWorkingDay(date: string): boolean;
};

const REASON_LABELS: Record<DayReason, string> = {
  weekday: "工作日",
  weekend: "周末",
  holiday: "法定节假日",
  makeup: "调休上班",
  "local-off": "本地休息日",
  "local-work": "本地工作日",
};

/** The Chinese name of a national holiday from chinese-days' "English,中文,天数" label. */
function holidayName(name: string): string {
  return name.split(",")[1] ?? name;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The national calendar alone, for one day. */
export function nationalDay(date: string): CalendarDayInfo {
  const detail = getDayDetail(date);
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  if (detail.work) {
    if (weekend) return { date, working: true, reason: "makeup", label: `调休上班（${holidayName(detail.name)}）` };
    return { date, working: true, reason: "weekday", label: REASON_LABELS.weekday };
  }
  if (!weekend) return { date, working: false, reason: "holiday", label: holidayName(detail.name) };
  // A weekend inside a holiday carries the holiday's name; an ordinary one chinese-days names after the weekday.
  const named = /,/.test(detail.name);
  return named
    ? { date, working: false, reason: "holiday", label: holidayName(detail.name) }
    : { date, working: false, reason: "weekend", label: REASON_LABELS.weekend };
}

/** Whether the national calendar knows the year's holidays (every year it covers has 元旦 on 1 January). */
export function nationalCalendarCovers(year: number): boolean {
  return !getDayDetail(`${year}-01-01`).work && /,/.test(getDayDetail(`${year}-01-01`).name);
}

/** The national calendar with the county's local days over it. */
export function makeCalendar(localDays: readonly LocalDay[] = []): WorkdayCalendar {
  const local = new Map(localDays.map((day) => [day.date, day]));
  const day = (date: string): CalendarDayInfo => {
    const own = local.get(date);
    if (own) {
      const reason: DayReason = own.working ? "local-work" : "local-off";
      return { date, working: own.working, reason, label: own.note ? `${REASON_LABELS[reason]}（${own.note}）` : REASON_LABELS[reason] };
    }
    return nationalDay(date);
  };
  return { day, isWorkingDay: (date) => day(date).working };
}

export const DAY_REASON_LABELS = REASON_LABELS;

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/** "12月7日 周一" for "2026-12-07". */
export function shortDateLabel(date: string): string {
  const [, month, day] = date.split("-").map(Number);
  return `${month}月${day}日 ${WEEKDAYS[weekday(date)]}`;
}

/** The national holidays and 调休 working days of a year, in date order (ordinary weekends left out). */
export function nationalSpecialDays(year: number): CalendarDayInfo[] {
  const days: CalendarDayInfo[] = [];
  for (let time = Date.UTC(year, 0, 1); new Date(time).getUTCFullYear() === year; time += 86_400_000) {
    const info = nationalDay(new Date(time).toISOString().slice(0, 10));
    if (info.reason === "holiday" || info.reason === "makeup") days.push(info);
  }
  return days;
}
