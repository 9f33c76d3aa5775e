// The reviewer's dashboard: hearing assignments and year-end jury tasks, done against total.
import Link from "next/link";
import { reviewerProgress } from "@/lib/dashboard/queries";
import { formatDateTime } from "@/lib/time";
import type { CurrentUser } from "@/lib/auth/session-store";
import { Card } from "@/components/ui/page";
import { Progress } from "@/components/dashboard/charts";

export async function ReviewerDashboard({ user }: { user: Pick<CurrentUser, "id" | "roles" | "unitId"> }) {
  const progress = await reviewerProgress(user);
  const nothing = progress.hearings.length === 0 && progress.campaigns.length === 0;
  return (
    <Card title="评审进度">
      {nothing && (
        <p className="text-sm text-stone-600">目前没有进行中的评审任务{progress.closedDone ? `（已结束的听证评审 ${progress.closedDone} 项）` : ""}。</p>
      )}
      <ul className="space-y-3" aria-label="评审任务进度">
        {progress.hearings.map((h) => (
          <li key={h.id} className="text-sm" data-testid="review-progress">
            <div className="flex flex-wrap justify-between gap-2">
              <span>
                听证评审：{h.title}
                <span className="ml-1 text-xs text-stone-500">{formatDateTime(h.heldAt)}</span>
              </span>
              <Link href="/reviews" className="link whitespace-nowrap" aria-label={`${h.title} 已评 ${h.done}/${h.total}`}>
                已评 {h.done}/{h.total}
              </Link>
            </div>
            <Progress label={`${h.title}评审进度`} done={h.done} total={h.total} />
          </li>
        ))}
        {progress.campaigns.map((c) => (
          <li key={c.id} className="text-sm" data-testid="review-progress">
            <div className="flex flex-wrap justify-between gap-2">
              <span>
                评比表彰评分：{c.title}
                <span className="ml-1 text-xs text-stone-500">推荐截止 {formatDateTime(c.startsAt)} 后评分</span>
              </span>
              <Link href="/reviews" className="link whitespace-nowrap" aria-label={`${c.title} 已评 ${c.done}/${c.total}`}>
                已评 {c.done}/{c.total}
              </Link>
            </div>
            <Progress label={`${c.title}评分进度`} done={c.done} total={c.total} />
          </li>
        ))}
      </ul>
      {progress.nextAssignmentId && (
        <Link href={`/reviews/${progress.nextAssignmentId}`} className="link mt-3 inline-block text-sm">
          继续评分 →
        </Link>
      )}
    </Card>
  );
}
