import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listMeetings } from "@/lib/hearings/queries";
import { formatDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";
import { Card, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { MeetingForm } from "@/components/hearings/meeting-forms";

export const metadata: Metadata = { title: "部务会审定" };

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("hearings.view");
  const search = await searchParams;
  const { years, year } = await yearChoice(z.coerce.number().int().optional().catch(undefined).parse(search.year));
  if (!year) return <p>尚未设置年度。</p>;
  const { meetings, total, page, pageSize } = await listMeetings(year.id, z.coerce.number().int().min(1).max(10000).catch(1).parse(search.page));
  return (
    <div className="space-y-4">
      <PageHeader title="部务会审定" description={`${year.year} 年度部务会对申报项目的审定`} />
      <FilterBar>
        <YearSelect years={years} selected={year.year} />
      </FilterBar>
      <DataTable headers={["期次", "时间", "参会人员", "审定项目"]}>
        {meetings.length === 0 && <EmptyRow colSpan={4}>本年度尚无部务会记录</EmptyRow>}
        {meetings.map((meeting) => (
          <tr key={meeting.id}>
            <td>
              <Link href={`/hearings/meetings/${meeting.id}`} className="link">
                部务会 {meeting.number}
              </Link>
            </td>
            <td className="whitespace-nowrap">{formatDateTime(meeting.heldAt)}</td>
            <td>{meeting.attendees}</td>
            <td className="text-center">{meeting._count.decisions}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={{ year: String(year.year) }} />
      {can(user.roles, "hearings.manage") && (
        <Card title="新建部务会" className="max-w-2xl">
          <MeetingForm yearId={year.id} />
        </Card>
      )}
    </div>
  );
}
