import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { allAspects, suggestionCounts } from "@/lib/suggestions/queries";
import { suggestionFilterSchema } from "@/lib/suggestions/schemas";
import { CATEGORY_LABELS, STATUS_LABELS, SUGGESTION_CATEGORIES, type SuggestionStatus } from "@/lib/suggestions/catalog";
import { DataTable, FilterBar, PageHeader } from "@/components/ui/page";
import { yearChoice } from "@/lib/years/queries";
import { YearSelect } from "@/components/years/year-select";

export const metadata: Metadata = { title: "建言献策分类统计" };

const STATUSES = Object.keys(STATUS_LABELS) as SuggestionStatus[];

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("suggestions.view");
  const filter = suggestionFilterSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year);
  const [aspects, counts] = await Promise.all([allAspects(), year ? suggestionCounts(year.id) : []]);
  const sum = (match: (row: (typeof counts)[number]) => boolean) => counts.filter(match).reduce((total, row) => total + row.count, 0);
  const total = sum(() => true);
  const usedAspects = new Set(counts.map((row) => row.aspectId));
  const aspectCount = aspects.filter((aspect) => usedAspects.has(aspect.id)).length;
  const categoryCount = new Set(counts.map((row) => row.category)).size;
  return (
    <div>
      <PageHeader
        title="建言献策分类统计"
        description={year ? `${year.year} 年度共征集意见建议 ${total} 条，涉及 ${categoryCount} 大类 ${aspectCount} 个方面` : "尚未设置年度"}
      />
      <FilterBar submitLabel="查看">
        <YearSelect years={years} selected={year?.year} />
      </FilterBar>
      <DataTable headers={["类别", "方面", "合计", ...STATUSES.map((status) => STATUS_LABELS[status])]}>
        {SUGGESTION_CATEGORIES.flatMap((category) => [
          ...aspects
            .filter((aspect) => aspect.category === category)
            .map((aspect) => (
              <tr key={aspect.id}>
                <td>{CATEGORY_LABELS[category]}</td>
                <td>{aspect.name}</td>
                <td className="font-medium">{sum((row) => row.aspectId === aspect.id)}</td>
                {STATUSES.map((status) => (
                  <td key={status}>{sum((row) => row.aspectId === aspect.id && row.status === status)}</td>
                ))}
              </tr>
            )),
          <tr key={category} className="bg-stone-50 font-medium">
            <td>{CATEGORY_LABELS[category]}</td>
            <td>小计</td>
            <td>{sum((row) => row.category === category)}</td>
            {STATUSES.map((status) => (
              <td key={status}>{sum((row) => row.category === category && row.status === status)}</td>
            ))}
          </tr>,
        ])}
        <tr className="font-semibold">
          <td colSpan={2}>总计</td>
          <td>{total}</td>
          {STATUSES.map((status) => (
            <td key={status}>{sum((row) => row.status === status)}</td>
          ))}
        </tr>
      </DataTable>
    </div>
  );
}
