import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { practiceGrid, practiceSections } from "@/lib/practice/queries";
import { gridFilterSchema } from "@/lib/practice/schemas";
import { SLOTS, slotParam } from "@/lib/practice/periods";
import { formatDateTime } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { exportHref } from "@/lib/exports/href";
import { YearSelect } from "@/components/years/year-select";
import { ExportButton } from "@/components/ui/export-button";
import { Card, DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { PracticeBadge } from "@/components/practice/cell-badge";
import { SectionHeads } from "@/components/practice/section-heads";

export const metadata: Metadata = { title: "四个一完成情况" };

export default async function PracticeGridPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("practice.view");
  const filter = gridFilterSchema.parse(await searchParams);
  const now = new Date();
  const { years, year: chosen } = await yearChoice(filter.year);
  const year = chosen?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const [grid, sections] = await Promise.all([practiceGrid(user, { year, section: filter.section, page: filter.page }, now), practiceSections()]);
  return (
    <div>
      <PageHeader
        title="四个一完成情况"
        description="组工干部 × 七项任务：未到期、待提交、已提交、逾期、退回、已认可"
        actions={<ExportButton href={exportHref("/practice/export", { year, section: filter.section })} fileName="四个一完成情况.xlsx" />}
      />
      <FilterBar>
        <YearSelect years={years} selected={year} />
        <FilterSelect
          name="section"
          label="科室"
          all="全部科室"
          labels={Object.fromEntries(sections.map((s) => [s.id, s.name]))}
          value={filter.section}
          width="w-40"
        />
      </FilterBar>
      <DataTable headers={["组工干部", "科室", ...SLOTS.map((s) => `${s.short}（${formatDateTime(grid.dues.get(s.window)).slice(5, 10)} 前）`), "已完成"]}>
        {grid.rows.length === 0 && <EmptyRow colSpan={10}>没有组工干部</EmptyRow>}
        {grid.rows.map(({ cadre, slots, done }) => (
          <tr key={cadre.id} data-testid="grid-row">
            <td className="whitespace-nowrap">
              <Link href={`/practice?year=${year}&cadre=${cadre.id}`} className="link">
                {cadre.name}
              </Link>
            </td>
            <td className="whitespace-nowrap">{cadre.unit.name}</td>
            {slots.map((slot) => (
              <td key={slotParam(slot)} className="whitespace-nowrap">
                {slot.item ? (
                  <Link href={`/practice/${year}/${slotParam(slot)}?cadre=${cadre.id}`} aria-label={`${cadre.name}${slot.label}`}>
                    <PracticeBadge cell={slot.cell} late={slot.item.late} />
                  </Link>
                ) : (
                  <PracticeBadge cell={slot.cell} />
                )}
              </td>
            ))}
            <td>{done} / 7</td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={grid.total} page={grid.page} pageSize={grid.pageSize} params={{ year: String(year), section: filter.section }} />
      {can(user.roles, "practice.configure") && (
        <div className="mt-6">
          <Card title="科室负责人（审核本科室四个一）">
            <SectionHeads sections={sections} />
          </Card>
        </div>
      )}
    </div>
  );
}
