import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { examList } from "@/lib/learning/queries";
import { learningFilterSchema } from "@/lib/learning/schemas";
import { isSectionCadre } from "@/lib/learning/reach";
import { formatDate } from "@/lib/time";
import { yearChoice } from "@/lib/years/queries";
import { Card, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { YearSelect } from "@/components/years/year-select";
import { LearningNav } from "@/components/learning/learning-nav";
import { ExamForm } from "@/components/learning/exam-forms";

export const metadata: Metadata = { title: "业务考试" };

export default async function ExamsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("learning.view");
  const filter = learningFilterSchema.parse(await searchParams);
  const now = new Date();
  const { years, year: chosen } = await yearChoice(filter.year);
  const year = chosen?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const list = await examList(user, year, filter.page);
  const cadre = isSectionCadre(user);
  return (
    <div>
      <PageHeader title="业务闭卷考试" description="办公室登记考试和及格分并录入成绩；组工干部查看自己的成绩" />
      <LearningNav current="/learning/exams" />
      <FilterBar>
        <YearSelect years={years} selected={year} />
      </FilterBar>
      <DataTable headers={["考试日期", "考试", "满分 / 及格", "参考人数", ...(cadre ? ["我的成绩"] : [])]}>
        {list.rows.length === 0 && <EmptyRow colSpan={cadre ? 5 : 4}>本年度还没有考试</EmptyRow>}
        {list.rows.map((row) => {
          const mine = row.results[0]?.score;
          return (
            <tr key={row.id} data-testid="exam-row">
              <td className="whitespace-nowrap">{formatDate(row.heldOn)}</td>
              <td className="min-w-40">
                <Link href={`/learning/exams/${row.id}`} className="link">
                  {row.title}
                </Link>
              </td>
              <td className="whitespace-nowrap">
                {row.fullMark} / {row.passMark}
              </td>
              <td>{row._count.results}</td>
              {cadre && <td className="whitespace-nowrap">{mine === undefined ? "未参加" : `${mine} 分${mine >= row.passMark ? "" : "（不及格）"}`}</td>}
            </tr>
          );
        })}
      </DataTable>
      <Pagination total={list.total} page={list.page} pageSize={list.pageSize} params={{ year: String(year) }} />
      {can(user.roles, "learning.manage") && (
        <div className="mt-6">
          <Card title="登记一次考试">
            <ExamForm today={formatDate(now)} />
          </Card>
        </div>
      )}
    </div>
  );
}
