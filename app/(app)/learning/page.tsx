import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { sessionList } from "@/lib/learning/queries";
import { learningFilterSchema } from "@/lib/learning/schemas";
import { isSectionCadre } from "@/lib/learning/reach";
import { canSignInNow } from "@/lib/learning/rules";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { Card, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { YearSelect } from "@/components/years/year-select";
import { LearningNav } from "@/components/learning/learning-nav";
import { SessionForm } from "@/components/learning/session-form";

export const metadata: Metadata = { title: "组工讲坛" };

/** 组工讲坛 of a year (每周二、五), with the viewer's own sign-in; organisers record new sessions here. */
export default async function LearningPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("learning.view");
  const filter = learningFilterSchema.parse(await searchParams);
  const now = new Date();
  const { years, year: chosen } = await yearChoice(filter.year);
  const year = chosen?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const list = await sessionList(user, year, filter.page);
  const cadre = isSectionCadre(user);
  return (
    <div>
      <PageHeader title="组工讲坛" description="每周二、五举办专题讲座；组工干部在讲坛当天打开本次讲坛签到" />
      <LearningNav current="/learning" />
      <FilterBar>
        <YearSelect years={years} selected={year} />
      </FilterBar>
      <DataTable headers={["时间", "专题", "主讲人", "签到人数", ...(cadre ? ["我的签到"] : [])]}>
        {list.rows.length === 0 && <EmptyRow colSpan={cadre ? 5 : 4}>本年度还没有讲坛记录</EmptyRow>}
        {list.rows.map((row) => (
          <tr key={row.id} data-testid="session-row">
            <td className="whitespace-nowrap">{formatDateTime(row.heldOn)}</td>
            <td className="min-w-40">
              <Link href={`/learning/sessions/${row.id}`} className="link">
                {row.topic}
              </Link>
            </td>
            <td className="whitespace-nowrap">{row.speaker}</td>
            <td>{row._count.attendances}</td>
            {cadre && (
              <td className="whitespace-nowrap">
                {row.attendances[0] ? (
                  "已签到"
                ) : canSignInNow(row.heldOn, now) ? (
                  <Link href={`/learning/sessions/${row.id}`} className="link">
                    去签到
                  </Link>
                ) : row.heldOn < now ? (
                  <span className="text-red-700">未签到</span>
                ) : (
                  "未开始"
                )}
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      <Pagination total={list.total} page={list.page} pageSize={list.pageSize} params={{ year: String(year) }} />
      {can(user.roles, "learning.sessions") && (
        <div className="mt-6">
          <Card title="记录一次讲坛">
            <SessionForm />
          </Card>
        </div>
      )}
    </div>
  );
}
