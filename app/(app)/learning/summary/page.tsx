import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { learningSummary } from "@/lib/learning/queries";
import { learningFilterSchema } from "@/lib/learning/schemas";
import { formatRate } from "@/lib/learning/rules";
import { ledgerSections } from "@/lib/ledger/queries";
import { yearChoice } from "@/lib/years/queries";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { DataTable, EmptyRow, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { YearSelect } from "@/components/years/year-select";
import { LearningNav } from "@/components/learning/learning-nav";

export const metadata: Metadata = { title: "学习情况" };

/** Each cadre's attendance rate, exams and 心得体会 of a year, for those the viewer may see. */
export default async function LearningSummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("learning.view");
  const filter = learningFilterSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year);
  const sections = await ledgerSections();
  const summary = year ? await learningSummary(user, { yearId: year.id, section: filter.section ?? undefined, page: filter.page }) : null;
  return (
    <div>
      <PageHeader
        title="学习情况"
        description="讲坛出勤率 = 签到场次 ÷ 本年度已举办场次"
        actions={year && <ExportButton href={exportHref("/learning/export", { year: year.year, section: filter.section })} fileName="组工干部学习情况.xlsx" />}
      />
      <LearningNav current="/learning/summary" />
      <FilterBar>
        <YearSelect years={years} selected={year?.year} />
        <FilterSelect
          name="section"
          label="科室"
          all="全部科室"
          labels={Object.fromEntries(sections.map((s) => [s.id, s.name]))}
          value={filter.section ?? undefined}
          width="w-36"
        />
      </FilterBar>
      <DataTable headers={["组工干部", "科室", "讲坛出勤", "出勤率", "考试（及格 / 参加）", "心得体会"]}>
        {(!summary || summary.rows.length === 0) && <EmptyRow colSpan={6}>没有可查看的组工干部</EmptyRow>}
        {summary?.rows.map(({ cadre, record }) => (
          <tr key={cadre.id} data-testid="summary-row">
            <td className="whitespace-nowrap">
              <Link href={`/practice?year=${year?.year}&cadre=${cadre.id}`} className="link">
                {cadre.name}
              </Link>
            </td>
            <td className="whitespace-nowrap">{cadre.unit.name}</td>
            <td className="whitespace-nowrap">
              {record.attended} / {record.sessionsHeld}
            </td>
            <td>{formatRate(record.attendanceRate)}</td>
            <td className="whitespace-nowrap">
              {record.examsPassed} / {record.examsTaken}
            </td>
            <td>{record.reflections}</td>
          </tr>
        ))}
      </DataTable>
      {summary && (
        <Pagination
          total={summary.total}
          page={summary.page}
          pageSize={summary.pageSize}
          params={{ year: String(year?.year), section: filter.section ?? undefined }}
        />
      )}
    </div>
  );
}
