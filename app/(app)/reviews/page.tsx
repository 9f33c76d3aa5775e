import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { myAssignments, myHearingProgress, REVIEW_STATUSES, type ReviewStatus } from "@/lib/hearings/queries";
import { reviewFilterSchema } from "@/lib/hearings/schemas";
import { juryTasks } from "@/lib/awards/queries";
import { CATEGORY_LABELS } from "@/lib/awards/phase";
import { formatDateTime } from "@/lib/time";
import { Badge, DataTable, EmptyRow, FilterBar, PageHeader, Pagination } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";

export const metadata: Metadata = { title: "评审任务" };

const STATUS_LABELS: Record<ReviewStatus, string> = { todo: "待评（含草稿）", draft: "草稿", submitted: "已提交", all: "全部" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("hearings.score");
  const asked = await searchParams;
  const filter = reviewFilterSchema.parse(asked);
  const [progress, { assignments, total, page, pageSize }, jury] = await Promise.all([
    myHearingProgress(user.id),
    myAssignments(user.id, { hearingId: filter.hearing, status: filter.status, page: filter.page }),
    juryTasks(user),
  ]);
  const now = new Date();
  const open = progress.filter((h) => !h.closedAt);
  const left = open.reduce((sum, h) => sum + h.total - h.submitted, 0);
  const done = open.reduce((sum, h) => sum + h.submitted, 0);
  const chosen = progress.find((h) => h.id === filter.hearing);
  const params = { hearing: filter.hearing, status: filter.status };
  return (
    <div className="space-y-3">
      <PageHeader title="评审任务" description={`待评审 ${left} 项，已提交 ${done} 项`} />
      {asked.declared && <Notice tone="success">已声明回避，管理员会另行安排。</Notice>}
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
      {progress.length > 0 && (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="各场听证的评审进度">
          {progress.map((h) => (
            <li key={h.id} className={`rounded border bg-white p-3 text-sm ${h.id === filter.hearing ? "border-sky-500" : "border-stone-200"}`}>
              <div className="font-medium">{h.title}</div>
              <div className="text-stone-500">{formatDateTime(h.heldAt)}</div>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <span>
                  已提交 {h.submitted}/{h.total}
                  {h.drafts > 0 && `，草稿 ${h.drafts}`}
                </span>
                {h.closedAt ? <Badge>已结束</Badge> : h.submitted === h.total ? <Badge tone="green">已评完</Badge> : null}
              </div>
              <div className="mt-1 flex gap-3">
                {!h.closedAt && h.submitted < h.total && (
                  <Link href={`/reviews?hearing=${h.id}&status=todo`} className="link" aria-label={`本场未评：${h.title}`}>
                    本场未评
                  </Link>
                )}
                <Link href={`/reviews?hearing=${h.id}&status=all`} className="link" aria-label={`本场全部：${h.title}`}>
                  本场全部
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FilterBar>
        {filter.hearing && <input type="hidden" name="hearing" value={filter.hearing} />}
        <select name="status" defaultValue={filter.status} aria-label="评分状态" className="input w-40">
          {REVIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {chosen && (
          <span className="text-sm">
            {chosen.title}（
            <Link href={`/reviews?status=${filter.status}`} className="link">
              看全部听证
            </Link>
            ）
          </span>
        )}
      </FilterBar>
      <DataTable headers={["项目", "申报单位", "听证会", "时间", "评分", ""]}>
        {assignments.length === 0 && <EmptyRow colSpan={6}>{filter.status === "todo" ? "没有待评的项目" : "暂无评审任务"}</EmptyRow>}
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
      <Pagination total={total} page={page} pageSize={pageSize} params={params} />
    </div>
  );
}
