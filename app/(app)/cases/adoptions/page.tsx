import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { adoptingUnits, listAdoptions } from "@/lib/promotion/queries";
import { adoptionFilterSchema } from "@/lib/promotion/schemas";
import { formatDate } from "@/lib/time";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { Card, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { AdoptOutsideForm, EditAdoptionToggle } from "@/components/promotion/adoption-forms";
import { adoptableEvents } from "@/lib/events/queries";

export const metadata: Metadata = { title: "借鉴推广" };

export default async function AdoptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("cases.view");
  const filter = adoptionFilterSchema.parse(await searchParams);
  const county = seesWholeCounty(user.roles);
  const recorder = can(user.roles, "adoptions.record");
  const [{ adoptions, total, page, pageSize }, units] = await Promise.all([listAdoptions(user, filter), county ? adoptingUnits() : Promise.resolve([])]);
  const today = formatDate(new Date());
  const events = recorder ? await adoptableEvents(user) : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={county ? "借鉴推广记录" : "本单位借鉴推广"}
        description={county ? "各单位借鉴本县案例和外地做法的记录" : "本单位借鉴案例库项目和外地做法的记录。借鉴本县项目，请在案例页点“记录借鉴”。"}
        actions={
          <span className="flex flex-wrap items-center gap-3">
            <ExportButton href={exportHref("/cases/adoptions/export", filter)} fileName="借鉴推广记录.xlsx" />
            <Link href="/cases" className="link text-sm">
              返回案例库
            </Link>
          </span>
        }
      />
      {recorder && (
        <Card title="借鉴外地做法">
          <AdoptOutsideForm today={today} events={events.map((e) => ({ id: e.id, label: `${formatDate(e.startsAt)} ${e.title}` }))} />
        </Card>
      )}
      {county && (
        <FilterBar>
          <select name="unitId" defaultValue={filter.unitId ?? ""} aria-label="单位" className="input w-44">
            <option value="">全部单位</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </FilterBar>
      )}
      <ul className="space-y-3" aria-label="借鉴记录">
        {adoptions.length === 0 && <li className="rounded-lg border border-stone-200 bg-white py-8 text-center text-sm text-stone-500">尚无借鉴记录</li>}
        {adoptions.map((adoption) => (
          <li key={adoption.id} data-testid="adoption" className="space-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-sm">
            <div className="flex flex-wrap items-baseline gap-x-2 font-medium text-stone-900">
              {county && <span>{adoption.unit.name}</span>}
              <span>借鉴</span>
              {adoption.sourceProject?.inLibrary ? (
                <Link href={`/cases/${adoption.sourceProject.id}`} className="link break-all">
                  {adoption.sourceProject.title}（{adoption.sourceProject.unit.name}）
                </Link>
              ) : adoption.sourceProject ? (
                <span className="break-all">
                  {adoption.sourceProject.title}（{adoption.sourceProject.unit.name}）
                </span>
              ) : (
                <span className="break-all">
                  {adoption.sourceName}（{adoption.sourcePlace}）
                </span>
              )}
              <span className="text-xs font-normal text-stone-500">{formatDate(adoption.adoptedOn)}</span>
            </div>
            <div className="break-words whitespace-pre-wrap">做法：{adoption.how}</div>
            <div className="break-words whitespace-pre-wrap">成效：{adoption.result}</div>
            {adoption.event && (
              <div className="text-stone-600">
                促成活动：
                {county || adoption.unitId === user.unitId ? (
                  <Link href={`/events/${adoption.event.id}`} className="link">
                    {adoption.event.title}
                  </Link>
                ) : (
                  adoption.event.title
                )}
              </div>
            )}
            {recorder && adoption.unitId === user.unitId && (
              <div className="pt-1">
                <EditAdoptionToggle
                  today={today}
                  adoption={{
                    id: adoption.id,
                    version: adoption.version,
                    outside: !adoption.sourceProject,
                    sourceName: adoption.sourceName ?? "",
                    sourcePlace: adoption.sourcePlace ?? "",
                    adoptedOn: formatDate(adoption.adoptedOn),
                    how: adoption.how,
                    result: adoption.result,
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      <Pagination total={total} page={page} pageSize={pageSize} params={{ unitId: filter.unitId }} />
    </div>
  );
}
