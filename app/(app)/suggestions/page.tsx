import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { activeAspects, listSuggestions } from "@/lib/suggestions/queries";
import { suggestionFilterSchema } from "@/lib/suggestions/schemas";
import { CATEGORY_LABELS, STATUS_LABELS, SUGGESTION_CATEGORIES } from "@/lib/suggestions/catalog";
import { SUGGESTION_MACHINE } from "@/lib/suggestions/states";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { YearSelect } from "@/components/years/year-select";
import { Badge, DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "建言献策" };

export default async function SuggestionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("suggestions.view");
  const filter = suggestionFilterSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year);
  const [aspects, { suggestions, total, page, pageSize }] = await Promise.all([activeAspects(), listSuggestions({ ...filter, yearId: year?.id ?? null })]);
  const toTopic = can(user.roles, "topics.manage");
  const params = { year: year ? String(year.year) : undefined, category: filter.category, aspectId: filter.aspectId, status: filter.status, q: filter.q };
  return (
    <div>
      <PageHeader
        title="建言献策"
        description="征集到的意见建议：阅处、答复、合并重复、不予采纳"
        actions={
          <>
            <Link href={`/suggestions/stats?year=${year?.year ?? ""}`} className={buttonClass("secondary")}>
              分类统计
            </Link>
            {can(user.roles, "suggestions.configure") && (
              <Link href="/suggestions/aspects" className={buttonClass("secondary")}>
                方面设置
              </Link>
            )}
            <ExportButton href={exportHref("/suggestions/export", { ...filter, year: year?.year })} fileName="建言献策.xlsx" />
            <Link href="/suggest" className={buttonClass()}>
              我要建言
            </Link>
          </>
        }
      />
      <FilterBar>
        <YearSelect years={years} selected={year?.year} />
        <FilterSelect name="category" label="类别" all="全部类别" labels={CATEGORY_LABELS} value={filter.category} width="w-32" />
        <select name="aspectId" defaultValue={filter.aspectId ?? ""} aria-label="方面" className="input w-44">
          <option value="">全部方面</option>
          {SUGGESTION_CATEGORIES.map((category) => (
            <optgroup key={category} label={CATEGORY_LABELS[category]}>
              {aspects
                .filter((aspect) => aspect.category === category)
                .map((aspect) => (
                  <option key={aspect.id} value={aspect.id}>
                    {aspect.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <FilterSelect name="status" label="状态" all="全部状态" labels={STATUS_LABELS} value={filter.status} width="w-28" />
        <input name="q" defaultValue={filter.q} placeholder="内容或回执号" aria-label="内容或回执号" className="input w-44" />
      </FilterBar>
      {toTopic && (
        <form id="to-topic" action="/topics/new" className="mb-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <input type="hidden" name="year" value={year?.year ?? ""} />
          <button type="submit" className={buttonClass("secondary")}>
            将选中的建议转为选题
          </button>
          <span>勾选一条或多条建议，据此拟定参考选题（选题会注明来源）。</span>
        </form>
      )}
      <DataTable
        headers={[
          ...(toTopic
            ? [
                <span key="pick" className="sr-only">
                  选择
                </span>,
              ]
            : []),
          "回执号",
          "提交时间",
          "类别 · 方面",
          "内容",
          "提交人",
          "状态",
          "操作",
        ]}
      >
        {suggestions.length === 0 && <EmptyRow colSpan={toTopic ? 8 : 7} />}
        {suggestions.map((item) => (
          <tr key={item.id}>
            {toTopic && (
              <td>
                <input type="checkbox" name="from" value={item.id} form="to-topic" aria-label={`选择 ${item.receiptNo}`} />
              </td>
            )}
            <td className="font-mono text-xs whitespace-nowrap">{item.receiptNo}</td>
            <td className="whitespace-nowrap">{formatDateTime(item.createdAt)}</td>
            <td className="whitespace-nowrap">
              {CATEGORY_LABELS[item.category]} · {item.aspect.name}
            </td>
            <td className="max-w-md">
              <p className="line-clamp-2">{item.content}</p>
            </td>
            <td>{item.unit?.name ?? item.submitterName ?? "匿名"}</td>
            <td>
              <Badge tone={SUGGESTION_MACHINE.tone(item.status)}>{STATUS_LABELS[item.status]}</Badge>
            </td>
            <td>
              <Link href={`/suggestions/${item.id}`} className="link whitespace-nowrap">
                {can(user.roles, "suggestions.triage") ? "处理" : "查看"}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
