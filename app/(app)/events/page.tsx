import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { eventYears, listEvents } from "@/lib/events/queries";
import { eventFilterSchema } from "@/lib/events/schemas";
import { EVENT_KIND_LABELS } from "@/lib/events/rules";
import { EVENT_MACHINE } from "@/lib/events/states";
import { formatDateTime } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { Badge, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";

export const metadata: Metadata = { title: "现场会与交流" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("events.view");
  const filter = eventFilterSchema.parse(await searchParams);
  const [{ events, total, page, pageSize }, years] = await Promise.all([listEvents(user, filter), eventYears()]);
  const params = { kind: filter.kind, state: filter.state, year: filter.year ? String(filter.year) : undefined, q: filter.q || undefined };
  const manager = can(user.roles, "events.manage");
  return (
    <div>
      <PageHeader
        title="现场会与交流"
        description={
          manager
            ? "现场会、经验交流会、理论研讨会：筹备、发通知、收材料、编汇编、记纪要"
            : "本单位受邀参加的现场会、经验交流会、理论研讨会：确认参会，报送交流材料或论文"
        }
        actions={
          <>
            <ExportButton href={exportHref("/events/export", params)} fileName="现场会与交流活动.xlsx" />
            {manager && (
              <Link href="/events/new" className={buttonClass()}>
                筹备活动
              </Link>
            )}
          </>
        }
      />
      <FilterBar>
        <FilterSelect name="kind" label="类型" all="全部类型" labels={EVENT_KIND_LABELS} value={filter.kind} width="w-32" />
        <FilterSelect
          name="state"
          label="状态"
          all="全部状态"
          labels={Object.fromEntries(EVENT_MACHINE.stateNames.map((s) => [s, EVENT_MACHINE.label(s)]))}
          value={filter.state}
          width="w-28"
        />
        <FilterSelect name="year" label="年份" all="全部年份" labels={Object.fromEntries(years.map((y) => [y, `${y} 年`]))} value={params.year} width="w-28" />
        <input name="q" defaultValue={filter.q} placeholder="名称或地点中的词" aria-label="关键词" className="input w-44" />
      </FilterBar>
      <ul className="space-y-3" aria-label="活动">
        {events.length === 0 && <li className="rounded-lg border border-stone-200 bg-white py-8 text-center text-sm text-stone-500">没有符合条件的活动</li>}
        {events.map((event) => (
          <li key={event.id} data-testid="event-row" className="rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="blue">{EVENT_KIND_LABELS[event.kind]}</Badge>
              <Link href={`/events/${event.id}`} className="link font-medium break-all">
                {event.title}
              </Link>
              <Badge tone={EVENT_MACHINE.tone(event.state)}>{EVENT_MACHINE.label(event.state)}</Badge>
            </div>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-stone-600">
              <span>{formatDateTime(event.startsAt)}</span>
              <span className="break-all">{event.place}</span>
              <span>承办：{event.hostUnit.name}</span>
              {manager && <span>邀请 {event._count.invitations} 个单位</span>}
              {event._count.adoptions > 0 && <span>会后借鉴 {event._count.adoptions} 次</span>}
            </div>
          </li>
        ))}
      </ul>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
