import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listYears } from "@/lib/years/queries";
import { Badge, Card, DataTable, EmptyRow, PageHeader } from "@/components/ui/page";
import { CreateYearForm } from "@/components/years/create-year-form";
import { SetCurrentYearButton } from "@/components/years/set-current-button";
import { formatDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "年度安排" };

export default async function YearsPage() {
  await requirePermission("years.manage");
  const years = await listYears();
  const suggested = (years[0]?.year ?? new Date().getFullYear() - 1) + 1;
  return (
    <div className="space-y-4">
      <PageHeader
        title="年度安排"
        description="每个年度的征集、申报、听证、季度报送和评比时间；单位和评审专家按这里的截止时间办理"
        actions={
          <Link className="link" href="/years/calendar">
            工作日历（节假日与调休）
          </Link>
        }
      />
      <Card title="新建年度">
        <CreateYearForm suggested={suggested} />
        <p className="mt-2 text-xs text-stone-500">新建后按惯例生成各项时间（可再修改）。</p>
      </Card>
      <DataTable headers={["年度", "状态", "最后修改", "操作"]}>
        {years.length === 0 && <EmptyRow colSpan={4}>还没有年度</EmptyRow>}
        {years.map((year) => (
          <tr key={year.id}>
            <td className="font-medium">{year.year} 年度</td>
            <td>{year.isCurrent ? <Badge tone="green">当前年度</Badge> : <Badge>—</Badge>}</td>
            <td>{formatDateTime(year.updatedAt)}</td>
            <td className="space-x-3">
              <Link className="link" href={`/years/${year.id}`}>
                时间安排
              </Link>
              {!year.isCurrent && <SetCurrentYearButton id={year.id} year={year.year} />}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
