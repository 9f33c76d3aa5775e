import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listMeetings, meetingYears, townshipOptions } from "@/lib/township-meetings/queries";
import { meetingFilterSchema } from "@/lib/township-meetings/schemas";
import { formatDate } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";

export const metadata: Metadata = { title: "组织委员例会" };

export default async function TownshipMeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("meetings.view");
  const filter = meetingFilterSchema.parse(await searchParams);
  const [{ meetings, total, page, pageSize }, years, townships] = await Promise.all([listMeetings(filter), meetingYears(), townshipOptions()]);
  const params = { year: filter.year ? String(filter.year) : undefined, unitId: filter.unitId, q: filter.q || undefined };
  return (
    <div>
      <PageHeader
        title="乡镇组织委员例会"
        description="每月召开，各乡镇交流组织工作创新做法，查找问题，提出跟进事项"
        actions={
          <>
            <ExportButton href={exportHref("/township-meetings/export", params)} fileName="乡镇组织委员例会.xlsx" />
            {can(user.roles, "meetings.manage") && (
              <Link href="/township-meetings/new" className={buttonClass()}>
                记录例会
              </Link>
            )}
          </>
        }
      />
      <FilterBar>
        <FilterSelect name="year" label="年份" all="全部年份" labels={Object.fromEntries(years.map((y) => [y, `${y} 年`]))} value={params.year} width="w-28" />
        <FilterSelect
          name="unitId"
          label="乡镇"
          all="全部乡镇"
          labels={Object.fromEntries(townships.map((t) => [t.id, t.name]))}
          value={filter.unitId}
          width="w-32"
        />
        <input name="q" defaultValue={filter.q} placeholder="做法或问题中的词" aria-label="关键词" className="input w-44" />
      </FilterBar>
      <DataTable headers={["日期", "交流的乡镇和做法", "查询问题", "地点"]}>
        {meetings.length === 0 && <EmptyRow colSpan={4} />}
        {meetings.map((meeting) => (
          <tr key={meeting.id}>
            <td className="whitespace-nowrap">
              <Link href={`/township-meetings/${meeting.id}`} className="link">
                {formatDate(meeting.heldOn)}
              </Link>
            </td>
            <td className="min-w-64">
              <ul className="space-y-0.5">
                {meeting.shares.map((share) => (
                  <li key={share.id} className="line-clamp-1">
                    <span className="font-medium">{share.unit.name}</span>：{share.practice}
                  </li>
                ))}
              </ul>
            </td>
            <td className="min-w-48 text-stone-600">
              <span className="line-clamp-2">{meeting.problems ?? "—"}</span>
            </td>
            <td className="min-w-32">{meeting.place}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
