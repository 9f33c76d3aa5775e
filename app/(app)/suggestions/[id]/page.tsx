import type { Metadata } from "next";
import Link from "next/link";
import { SUGGESTION_MACHINE } from "@/lib/suggestions/states";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { getSuggestion } from "@/lib/suggestions/queries";
import { topicsFromSuggestion } from "@/lib/topics/queries";
import { buttonClass } from "@/components/ui/button";
import { CATEGORY_LABELS, STATUS_LABELS } from "@/lib/suggestions/catalog";
import { formatDateTime } from "@/lib/time";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { TriagePanel } from "@/components/suggestions/triage-panel";
import { StepBar } from "@/components/ui/step-bar";

export const metadata: Metadata = { title: "处理建议" };

export default async function SuggestionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("suggestions.view");
  const { id } = await params;
  const suggestion = await getSuggestion(id);
  if (!suggestion) return notFoundAudited(user, { entityType: "Suggestion", id });
  const topics = await topicsFromSuggestion(suggestion.id);
  // What the viewer may do with it now, from the one state table (the buttons are in the 处理 panel below).
  const next = [
    ...(can(user.roles, "suggestions.triage")
      ? SUGGESTION_MACHINE.available(suggestion.status, ["staff"]).map((name) => SUGGESTION_MACHINE.transitions[name].label)
      : []),
    ...(can(user.roles, "topics.manage") ? ["转为选题"] : []),
  ];
  return (
    <div className="space-y-4">
      <PageHeader
        title={`建议 ${suggestion.receiptNo}`}
        description={`${suggestion.year.year} 年度 · ${formatDateTime(suggestion.createdAt)}`}
        actions={
          can(user.roles, "topics.manage") && (
            <Link href={`/topics/new?from=${suggestion.id}`} className={buttonClass("secondary")}>
              转为选题
            </Link>
          )
        }
      />
      <StepBar
        label="建议办理进程"
        steps={SUGGESTION_MACHINE.progress(suggestion.status)}
        holder={SUGGESTION_MACHINE.states[suggestion.status].holder}
        next={next.length > 0 && <p>您可以：{next.join("、")}</p>}
      />
      <Card>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="text-stone-500">类别</dt>
          <dd>
            {CATEGORY_LABELS[suggestion.category]} · {suggestion.aspect.name}
          </dd>
          <dt className="text-stone-500">提交人</dt>
          <dd>
            {suggestion.unit ? suggestion.unit.name : (suggestion.submitterName ?? "匿名")}
            {suggestion.contact && `（${suggestion.contact}）`}
          </dd>
          <dt className="text-stone-500">内容</dt>
          <dd className="whitespace-pre-wrap">{suggestion.content}</dd>
          <dt className="text-stone-500">状态</dt>
          <dd>
            <Badge tone={SUGGESTION_MACHINE.tone(suggestion.status)}>{STATUS_LABELS[suggestion.status]}</Badge>
            {suggestion.handledBy && (
              <span className="ml-2 text-stone-500">
                {suggestion.handledBy.name} · {formatDateTime(suggestion.handledAt)}
              </span>
            )}
          </dd>
          {suggestion.reply && (
            <>
              <dt className="text-stone-500">答复</dt>
              <dd className="whitespace-pre-wrap">{suggestion.reply}</dd>
            </>
          )}
          {topics.length > 0 && (
            <>
              <dt className="text-stone-500">已转为选题</dt>
              <dd className="flex flex-col gap-1">
                {topics.map((topic) => (
                  <Link key={topic.id} className="link" href={`/topics/${topic.id}`}>
                    {topic.code} {topic.title}
                  </Link>
                ))}
              </dd>
            </>
          )}
          {suggestion.mergedInto && (
            <>
              <dt className="text-stone-500">已合并到</dt>
              <dd>
                <Link className="link font-mono" href={`/suggestions/${suggestion.mergedInto.id}`}>
                  {suggestion.mergedInto.receiptNo}
                </Link>
              </dd>
            </>
          )}
          {suggestion.merged.length > 0 && (
            <>
              <dt className="text-stone-500">重复建议</dt>
              <dd className="flex flex-wrap gap-2">
                {suggestion.merged.map((item) => (
                  <Link key={item.id} className="link font-mono" href={`/suggestions/${item.id}`}>
                    {item.receiptNo}
                  </Link>
                ))}
              </dd>
            </>
          )}
        </dl>
      </Card>
      {can(user.roles, "suggestions.triage") && (
        <Card title="处理">
          <TriagePanel suggestion={suggestion} />
        </Card>
      )}
    </div>
  );
}
