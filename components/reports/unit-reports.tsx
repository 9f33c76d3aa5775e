import Link from "next/link";
import type { UnitItem } from "@/lib/reports/queries";
import { QUARTER_LABELS } from "@/lib/reports/quarters";
import { formatDateTime } from "@/lib/time";
import { Countdown } from "@/components/ui/countdown";
import { DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { CellBadge } from "@/components/reports/cell-badge";

type Props = {
  items: { rows: UnitItem[]; total: number; page: number; pageSize: number; earlierOpen: number; currentYear: number; firstYear: number };
  filter: { year: number | "all"; show: "open" | "all" };
  now: Date;
};

const reportHref = (item: UnitItem) => `/reports/${item.projectId}/${item.year}/${item.quarter}`;
const done = (item: UnitItem) => item.status === "submitted" || item.status === "late" || item.status === "accepted";
const quarterText = (item: UnitItem) => `${item.year}年${QUARTER_LABELS[item.quarter]}`;

function Deadline({ item, now }: { item: UnitItem; now: Date }) {
  return (
    <>
      {formatDateTime(item.deadline)}
      {(item.status === "due" || item.status === "upcoming") && (
        <span className="ml-2 text-xs">
          <Countdown deadline={item.deadline.toISOString()} serverNow={now.toISOString()} />
        </span>
      )}
    </>
  );
}

/**
 * A unit's quarterly reports (issue 20 point 5): each row names the project by its code and year and the quarter it
 * is for; by default the current year's open items only, every year and status one click away. A table at a desk, a
 * list of cards on a phone.
 */
export function UnitReports({ items, filter, now }: Props) {
  const years = Array.from({ length: items.currentYear - items.firstYear + 1 }, (_, i) => items.currentYear - i);
  const params = { year: filter.year === items.currentYear ? undefined : String(filter.year), show: filter.show === "all" ? "all" : undefined };
  const empty = filter.show === "open" ? "没有待报送的季度报告" : "没有季度报告";
  const scope = `${filter.year === "all" ? "全部年度" : `${filter.year}年`}${filter.show === "open" ? "待办" : "全部"}`;
  return (
    <div>
      <PageHeader title="季度报告" description="本单位实施中项目每季度报送一次进展，截止时间以服务器时间为准" />
      <FilterBar>
        <select name="year" defaultValue={String(filter.year)} aria-label="年度" className="input w-32">
          {years.map((year) => (
            <option key={year} value={year}>
              {year} 年
            </option>
          ))}
          <option value="all">全部年度</option>
        </select>
        <select name="show" defaultValue={filter.show === "all" ? "all" : ""} aria-label="范围" className="input w-44">
          <option value="">待办（未报、逾期、退回）</option>
          <option value="all">全部（含已报送）</option>
        </select>
      </FilterBar>
      <p className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
        <span>
          正在看：{scope}，共 {items.total} 项
        </span>
        {filter.show === "open" && (
          <Link href={`?${new URLSearchParams({ ...(params.year ? { year: params.year } : {}), show: "all" })}`} className="link">
            查看已报送的
          </Link>
        )}
        {items.earlierOpen > 0 && (
          <Link href="?year=all" className="link">
            往年还有 {items.earlierOpen} 项未完成
          </Link>
        )}
      </p>
      <div className="hidden sm:block">
        <DataTable headers={["项目编号", "项目", "申报年度", "报告季度", "截止时间", "状态", ""]}>
          {items.rows.length === 0 && <EmptyRow colSpan={7}>{empty}</EmptyRow>}
          {items.rows.map((item) => (
            <tr key={`${item.projectId}-${item.year}-${item.quarter}`} data-testid="unit-report-row">
              <td className="whitespace-nowrap">{item.code ?? "—"}</td>
              <td className="min-w-48">{item.title}</td>
              <td className="whitespace-nowrap">{item.projectYear} 年度</td>
              <td className="whitespace-nowrap">{quarterText(item)}</td>
              <td className="whitespace-nowrap">
                <Deadline item={item} now={now} />
              </td>
              <td>
                <CellBadge status={item.status} />
              </td>
              <td>
                <Link href={reportHref(item)} className="link whitespace-nowrap">
                  {done(item) ? "查看" : "填报"}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      <ul className="space-y-2 sm:hidden" aria-label="季度报告">
        {items.rows.length === 0 && <li className="rounded-lg border border-stone-200 bg-white p-4 text-center text-sm text-stone-500">{empty}</li>}
        {items.rows.map((item) => (
          <li
            key={`${item.projectId}-${item.year}-${item.quarter}`}
            className="rounded-lg border border-stone-200 bg-white p-3 text-sm"
            data-testid="unit-report-card"
          >
            <div className="flex items-start justify-between gap-2">
              <span className="font-medium break-words">{item.title}</span>
              <CellBadge status={item.status} />
            </div>
            <p className="mt-1 text-stone-600">
              {item.code ?? "—"} · {item.projectYear} 年度项目
            </p>
            <p className="text-stone-600">{quarterText(item)}</p>
            <p className="text-stone-600">
              截止 <Deadline item={item} now={now} />
            </p>
            <Link href={reportHref(item)} className="link mt-1 inline-block">
              {done(item) ? "查看" : "填报"}
            </Link>
          </li>
        ))}
      </ul>
      <Pagination total={items.total} page={items.page} pageSize={items.pageSize} params={params} />
    </div>
  );
}
