import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { myAssignments } from "@/lib/hearings/queries";
import { juryTasks } from "@/lib/awards/queries";
import { CATEGORY_LABELS } from "@/lib/awards/phase";
import { formatDateTime } from "@/lib/time";
import { Badge, DataTable, EmptyRow, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";

export const metadata: Metadata = { title: "评审任务" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ declared?: string }> }) {
  const user = await requirePermission("hearings.score");
  const [assignments, jury] = await Promise.all([myAssignments(user.id), juryTasks(user)]);
  const now = new Date();
  const open = assignments.filter((a) => !a.item.hearing.closedAt);
  const done = open.filter((a) => a.score?.submittedAt).length;
  return (
    <div className="space-y-3">
      <PageHeader title="评审任务" description={`待评审 ${open.length - done} 项，已提交 ${done} 项`} />
      {(await searchParams).declared && <Notice tone="success">已声明回避，管理员会另行安排。</Notice>}
      {jury.length > 0 && (
        <>
          <h2 className="text-base font-semibold">评比表彰评分</h2>
          <DataTable headers={["推荐对象", "推荐单位", "评比", "评分", ""]}>
            {jury.map((n) => {
              const mine = n.juryScores[0];
              const started = now >= n.campaign.nominationEndsAt;
              return (
                <tr key={n.id}>
                  <td>
                    {n.project?.title ?? n.personName}
                    <span className="ml-1 text-xs text-stone-500">{CATEGORY_LABELS[n.category]}</span>
                  </td>
                  <td className="whitespace-nowrap">{n.unit.name}</td>
                  <td>{n.campaign.title}</td>
                  <td className="whitespace-nowrap">
                    {mine?.conflictReason ? (
                      <Badge>已回避</Badge>
                    ) : mine?.submittedAt ? (
                      <Badge tone="green">已提交 {mine.total?.toFixed(2)}</Badge>
                    ) : started ? (
                      <Badge tone="amber">未评</Badge>
                    ) : (
                      <Badge>推荐截止后评分</Badge>
                    )}
                  </td>
                  <td>
                    <Link href={`/reviews/awards/${n.id}`} className="link whitespace-nowrap" aria-label={`评分：${n.project?.title ?? n.personName}`}>
                      {started && !n.campaign.rankedAt && !mine?.submittedAt && !mine?.conflictReason ? "评分" : "查看"}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
      {jury.length > 0 && <h2 className="pt-2 text-base font-semibold">听证评审</h2>}
      <DataTable headers={["项目", "申报单位", "听证会", "时间", "评分", ""]}>
        {assignments.length === 0 && <EmptyRow colSpan={6}>暂无评审任务</EmptyRow>}
        {assignments.map((assignment) => (
          <tr key={assignment.id}>
            <td>{assignment.item.project.title}</td>
            <td className="whitespace-nowrap">{assignment.item.project.unit.name}</td>
            <td>{assignment.item.hearing.title}</td>
            <td className="whitespace-nowrap">{formatDateTime(assignment.item.hearing.heldAt)}</td>
            <td className="whitespace-nowrap">
              {assignment.score?.submittedAt ? (
                <Badge tone="green">已提交 {assignment.score.total?.toFixed(2)}</Badge>
              ) : assignment.score ? (
                <Badge tone="amber">草稿</Badge>
              ) : (
                <Badge tone="amber">未评</Badge>
              )}
              {assignment.item.hearing.closedAt && <Badge>已结束</Badge>}
            </td>
            <td>
              <Link href={`/reviews/${assignment.id}`} className="link whitespace-nowrap">
                {assignment.item.hearing.closedAt || assignment.score?.submittedAt ? "查看" : "评分"}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
