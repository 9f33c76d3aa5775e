import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { filterAreas, researchAdoptionForYear, researchList } from "@/lib/research/queries";
import { listFilterSchema } from "@/lib/research/schemas";
import { formatRate } from "@/lib/research/rules";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { practiceSections } from "@/lib/practice/queries";
import { yearChoice } from "@/lib/years/queries";
import { exportHref } from "@/lib/exports/href";
import { YearSelect } from "@/components/years/year-select";
import { ExportButton } from "@/components/ui/export-button";
import { buttonClass } from "@/components/ui/button";
import { Card, FilterBar, FilterSelect, PageHeader, Pagination } from "@/components/ui/page";
import { TopicList } from "@/components/research/topic-list";

export const metadata: Metadata = { title: "调查研究课题" };

export default async function ResearchPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("research.view");
  const filter = listFilterSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year);
  const manage = can(user.roles, "research.manage");
  if (!year) return <PageHeader title="调查研究课题" description="尚未建立年度" />;
  const [list, summary, areas, sections] = await Promise.all([
    researchList(user, year.id, filter),
    researchAdoptionForYear(year.id),
    filterAreas(year.id),
    practiceSections(),
  ]);
  const params = { year: String(year.year), area: filter.area, section: filter.section, state: filter.state, mine: filter.mine };
  return (
    <div>
      <PageHeader
        title="调查研究课题"
        description="围绕干部选任、基层组织建设、领导班子思想政治建设和人才工作等问题选题调研，梳理症结性问题，向领导提出对策建议"
        actions={
          <>
            {manage && (
              <>
                <Link href={`/research/new?year=${year.year}`} className={buttonClass()}>
                  设立课题
                </Link>
                <Link href="/research/areas" className={buttonClass("secondary")}>
                  调研领域设置
                </Link>
              </>
            )}
            <ExportButton href={exportHref("/research/export", { ...params })} fileName="调查研究课题.xlsx" />
          </>
        }
      />
      <div className="mb-4">
        <Card title={`${year.year} 年度概况`}>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6" aria-label="年度概况">
            <div>
              <dt className="text-stone-500">课题</dt>
              <dd className="text-lg font-semibold">{summary.topics} 项</dd>
            </div>
            {RESEARCH_MACHINE.stateNames.map((state) => (
              <div key={state}>
                <dt className="text-stone-500">{RESEARCH_MACHINE.label(state)}</dt>
                <dd className="text-lg font-semibold">{summary.byState[state]}</dd>
              </div>
            ))}
            <div>
              <dt className="text-stone-500">年度采纳率</dt>
              <dd className="text-lg font-semibold" data-testid="year-rate">
                {formatRate(summary.rate)}
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-xs text-stone-500">
            已交报告提出建议 {summary.tally.proposals} 条：采纳 {summary.tally.adopted}，部分采纳 {summary.tally.partly}，未采纳 {summary.tally.notAdopted}
            ，待批示 {summary.tally.unmarked}。采纳率＝（采纳＋部分采纳）÷ 已批示建议。
          </p>
        </Card>
      </div>
      <FilterBar>
        <YearSelect years={years} selected={year.year} />
        <FilterSelect
          name="area"
          label="调研领域"
          all="全部领域"
          labels={Object.fromEntries(areas.map((a) => [a.id, a.name]))}
          value={filter.area}
          width="w-44"
        />
        <FilterSelect
          name="section"
          label="科室"
          all="全部科室"
          labels={Object.fromEntries(sections.map((s) => [s.id, s.name]))}
          value={filter.section}
          width="w-36"
        />
        <FilterSelect
          name="state"
          label="状态"
          all="全部状态"
          labels={Object.fromEntries(RESEARCH_MACHINE.stateNames.map((s) => [s, RESEARCH_MACHINE.label(s)]))}
          value={filter.state}
          width="w-28"
        />
        {can(user.roles, "research.write") && (
          <label className="flex items-center gap-1 self-center text-sm">
            <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine === "1"} /> 只看我的课题
          </label>
        )}
      </FilterBar>
      <TopicList rows={list.rows} />
      <Pagination total={list.total} page={list.page} pageSize={list.pageSize} params={params} />
    </div>
  );
}
