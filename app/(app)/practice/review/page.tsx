import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { reviewQueue } from "@/lib/practice/queries";
import { slotOf, slotParam } from "@/lib/practice/periods";
import { formatDateTime } from "@/lib/time";
import { DataTable, EmptyRow, PageHeader, Pagination } from "@/components/ui/page";

export const metadata: Metadata = { title: "四个一审核" };

/** The section head's list: the submitted items of their section's cadres (the admin's: those of the heads). */
export default async function PracticeReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("practice.review");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const queue = await reviewQueue(user, page);
  return (
    <div>
      <PageHeader title="四个一审核" description="本科室组工干部提交的调研报告、破解难题和典型，认可或退回修改" />
      <DataTable headers={["组工干部", "科室", "事项", "内容", "提交时间", ""]}>
        {queue.items.length === 0 && <EmptyRow colSpan={6}>没有待审核的材料</EmptyRow>}
        {queue.items.map((item) => {
          const slot = slotOf(item.kind, item.period)!;
          return (
            <tr key={item.id} data-testid="review-row">
              <td className="whitespace-nowrap">{item.user.name}</td>
              <td className="whitespace-nowrap">{item.user.unit.name}</td>
              <td className="whitespace-nowrap">
                {item.year}年{slot.label}
              </td>
              <td>{item.title}</td>
              <td className="whitespace-nowrap">{formatDateTime(item.submittedAt)}</td>
              <td>
                <Link href={`/practice/${item.year}/${slotParam(item)}?cadre=${item.userId}`} className="link whitespace-nowrap">
                  审核
                </Link>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination total={queue.total} page={queue.page} pageSize={queue.pageSize} params={{}} />
    </div>
  );
}
