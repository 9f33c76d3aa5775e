import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listCases } from "@/lib/promotion/queries";
import { caseFilterSchema } from "@/lib/promotion/schemas";
import { MARK_LABELS } from "@/lib/promotion/labels";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { UNIT_TYPE_LABELS } from "@/lib/units/tree";
import { yearChoice } from "@/lib/years/queries";
import { sectorFilterOptions } from "@/lib/sectors/queries";
import { sectorLabels } from "@/lib/sectors/label";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { awardText, MarkBadge } from "@/components/promotion/promotion-parts";

export const metadata: Metadata = { title: "案例库" };

const UNIT_TYPES = { TOWNSHIP: UNIT_TYPE_LABELS.TOWNSHIP, DEPARTMENT: UNIT_TYPE_LABELS.DEPARTMENT, SECTION: UNIT_TYPE_LABELS.SECTION };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("cases.view");
  const filter = caseFilterSchema.parse(await searchParams);
  const [{ cases, total, page, pageSize }, { years }, sectors] = await Promise.all([listCases(filter), yearChoice(), sectorFilterOptions()]);
  const params = Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value === undefined ? undefined : String(value)]));
  return (
    <div>
      <PageHeader
        title="案例库"
        description="认定为品牌、精品、示范的项目和获得表彰的项目：解决了什么问题、怎么做的、成效如何、找谁了解"
        actions={
          <>
            <ExportButton href={exportHref("/cases/export", filter)} fileName="案例库.xlsx" />
            <Link href="/cases/adoptions" className={buttonClass("secondary")}>
              {can(user.roles, "adoptions.record") ? "本单位借鉴推广" : "借鉴推广记录"}
            </Link>
          </>
        }
      />
      <FilterBar submitLabel="搜索">
        <input name="q" defaultValue={filter.q} placeholder="项目、问题、做法或单位中的词" aria-label="关键词" className="input w-56 max-w-full" />
        <select name="sector" defaultValue={filter.sector ?? ""} aria-label="党组织领域" className="input w-40">
          <option value="">全部党组织领域</option>
          {sectors.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <FilterSelect name="mark" label="认定类型" all="全部认定" labels={MARK_LABELS} value={filter.mark} width="w-28" />
        <FilterSelect name="category" label="类别" all="全部类别" labels={CATEGORY_LABELS} value={filter.category} width="w-28" />
        <select name="year" defaultValue={filter.year ?? ""} aria-label="年度" className="input w-28">
          <option value="">全部年度</option>
          {years.map((y) => (
            <option key={y.id} value={y.year}>
              {y.year} 年度
            </option>
          ))}
        </select>
        <FilterSelect name="unitType" label="单位类型" all="全部类型" labels={UNIT_TYPES} value={filter.unitType} width="w-28" />
      </FilterBar>
      <DataTable headers={["项目名称", "单位", "年度", "类别", "认定与表彰", "借鉴单位"]}>
        {cases.length === 0 && <EmptyRow colSpan={6}>没有符合条件的案例</EmptyRow>}
        {cases.map((item) => (
          <tr key={item.id}>
            <td className="min-w-48">
              <Link href={`/cases/${item.id}`} className="link">
                {item.title}
              </Link>
              {item.sectors.length > 0 && <div className="text-xs text-stone-500">{sectorLabels(item.sectors)}</div>}
            </td>
            <td className="whitespace-nowrap">{item.unit.name}</td>
            <td className="whitespace-nowrap">{item.year.year}</td>
            <td className="whitespace-nowrap">{item.category ? CATEGORY_LABELS[item.category] : ""}</td>
            <td>
              <span className="flex flex-wrap gap-1">
                {item.marks.map((mark) => (
                  <MarkBadge key={mark.id} mark={mark.mark} />
                ))}
                {item.nominations.map((nomination) => (
                  <span key={nomination.id} className="text-xs text-stone-600">
                    {awardText(nomination)}
                  </span>
                ))}
              </span>
            </td>
            <td className="whitespace-nowrap">{item._count.adoptions}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={{ ...params, page: undefined }} />
    </div>
  );
}
