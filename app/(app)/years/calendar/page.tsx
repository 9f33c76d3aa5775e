import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listLocalDays } from "@/lib/calendar/queries";
import { nationalCalendarCovers, nationalDay, nationalSpecialDays, shortDateLabel } from "@/lib/calendar/workdays";
import { Badge, Card, DataTable, EmptyRow, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { CalendarDayForm } from "@/components/calendar/calendar-day-form";
import { RemoveCalendarDayButton } from "@/components/calendar/remove-day-button";
import { formatDate } from "@/lib/time";

export const metadata: Metadata = { title: "工作日历" };

export default async function CalendarPage() {
  await requirePermission("years.manage");
  const localDays = await listLocalDays();
  const thisYear = Number(formatDate(new Date()).slice(0, 4));
  const years = [thisYear, thisYear + 1];
  return (
    <div className="space-y-4">
      <PageHeader
        title="工作日历"
        description="公示期等按工作日计算的期限，按国家法定节假日和调休安排（随系统更新）计算；本县另有放假或补班的日子在这里添加，优先于国家安排。"
        actions={
          <Link className="link" href="/years">
            返回年度安排
          </Link>
        }
      />
      {years
        .filter((year) => !nationalCalendarCovers(year))
        .map((year) => (
          <Notice key={year} tone="warning">
            系统内置的国家日历尚未包含 {year} 年的节假日安排（国务院通常在上一年年底公布）。在系统更新前，{year}{" "}
            年只按周末计算；公布后请更新系统，或把放假和调休上班的日子逐日添加在下面。
          </Notice>
        ))}
      <Card title="添加本县调整">
        <CalendarDayForm />
      </Card>
      <DataTable headers={["日期", "国家安排", "本县安排", "说明", "添加人", "操作"]}>
        {localDays.length === 0 && <EmptyRow colSpan={6}>还没有本县调整，全部按国家安排计算</EmptyRow>}
        {localDays.map((day) => (
          <tr key={day.date}>
            <td className="whitespace-nowrap font-medium">
              {day.date}（{shortDateLabel(day.date).split(" ")[1]}）
            </td>
            <td>{nationalDay(day.date).label}</td>
            <td>{day.working ? <Badge tone="blue">上班</Badge> : <Badge tone="amber">休息</Badge>}</td>
            <td>{day.note}</td>
            <td>{day.createdBy?.name ?? "—"}</td>
            <td>
              <RemoveCalendarDayButton date={day.date} />
            </td>
          </tr>
        ))}
      </DataTable>
      {years
        .filter((year) => nationalCalendarCovers(year))
        .map((year) => (
          <Card key={year} title={`${year} 年国家节假日和调休`}>
            <ul className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
              {nationalSpecialDays(year).map((day) => (
                <li key={day.date}>
                  <span className="tabular-nums">{shortDateLabel(day.date)}</span>{" "}
                  <span className={day.working ? "text-blue-700" : "text-stone-600"}>{day.label}</span>
                </li>
              ))}
            </ul>
          </Card>
        ))}
    </div>
  );
}
