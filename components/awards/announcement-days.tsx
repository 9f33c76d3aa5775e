import type { CalendarDayInfo } from "@/lib/calendar/workdays";
import { shortDateLabel } from "@/lib/calendar/workdays";

/** The days of the 公示期: which counted as working days and why the others did not. */
export function AnnouncementDays({ days }: { days: CalendarDayInfo[] }) {
  const counted = days.filter((day) => day.working);
  return (
    <details className="text-sm" data-testid="announcement-days">
      <summary className="cursor-pointer text-stone-700">计入公示期的 {counted.length} 个工作日（自发布次日起，按国家节假日、调休和本县工作日历）</summary>
      <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {days.map((day) => (
          <li key={day.date} className={day.working ? "" : "text-stone-500"}>
            <span className="tabular-nums">{shortDateLabel(day.date)}</span>：{day.working ? `计入（${day.label}）` : `不计（${day.label}）`}
          </li>
        ))}
      </ul>
    </details>
  );
}
