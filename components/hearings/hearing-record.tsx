import Link from "next/link";
import { aggregate } from "@/lib/hearings/scoring";
import { VERDICT_LABELS, NOTICE_TITLES } from "@/lib/hearings/labels";
import { formatDate } from "@/lib/time";
import type { hearingRecordOf } from "@/lib/hearings/queries";

type Record = Awaited<ReturnType<typeof hearingRecordOf>>;

/** Every hearing round of a project side by side, then the decisions; reviewers' names and comments for the county only. */
export function HearingRecord({ projectId, record, county }: { projectId: string; record: Record; county: boolean }) {
  const [rounds, decisions] = record;
  if (rounds.length === 0 && decisions.length === 0) return <p className="text-sm text-stone-500">尚未听证。</p>;
  return (
    <div className="space-y-3 text-sm">
      <div className="grid gap-3 md:grid-cols-2">
        {rounds.map((round) => {
          const submitted = round.assignments.filter((a) => a.score?.submittedAt && a.score.total !== null);
          const [summary] = aggregate(submitted.map((a) => ({ reviewerId: a.reviewerId, proposalId: round.id, total: a.score!.total! })));
          return (
            <section key={round.id} className="rounded border border-stone-200 p-3" aria-label={`第 ${round.round} 轮听证`}>
              <h3 className="font-medium">
                第 {round.round} 轮 · {round.hearing.title}（{formatDate(round.hearing.heldAt)}）
              </h3>
              <p className="text-stone-600">
                {summary
                  ? `${summary.count} 位专家评分，去极值平均 ${summary.trimmedMean.toFixed(2)} 分，平均 ${summary.mean.toFixed(2)} 分`
                  : "尚无提交的评分"}
              </p>
              {county && (
                <ul className="mt-1 space-y-1">
                  {submitted.map((a) => (
                    <li key={a.id}>
                      {a.reviewer.name}：{a.score!.total!.toFixed(2)} 分 · {a.score!.recommendation ? VERDICT_LABELS[a.score!.recommendation] : ""}
                      {a.score!.comment && <span className="block text-stone-600">{a.score!.comment}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {decisions.length > 0 && (
        <ul className="space-y-1" aria-label="审定结果">
          {decisions.map((decision) => (
            <li key={decision.id}>
              部务会（{decision.meeting.number}，{formatDate(decision.meeting.heldAt)}）：<strong>{VERDICT_LABELS[decision.verdict]}</strong>。
              {decision.opinion}
              <Link href={`/projects/${projectId}/decisions/${decision.id}`} className="link ml-2">
                {NOTICE_TITLES[decision.verdict]}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
