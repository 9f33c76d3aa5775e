import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { researchTopicPage } from "@/lib/research/queries";
import { formatRate, MARK_LABELS, MARK_TONES } from "@/lib/research/rules";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { formatDate, formatDateTime } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/field";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { StepBar } from "@/components/ui/step-bar";
import { ResearchBadge } from "@/components/research/state-badge";
import { ReportForm } from "@/components/research/report-form";
import { MarkForm, ReviewForm, StartButton } from "@/components/research/topic-actions";

export const metadata: Metadata = { title: "调研课题" };

function Paragraphs({ text }: { text: string | null }) {
  return <div className="space-y-1 whitespace-pre-wrap">{text || <span className="text-stone-400">未填写</span>}</div>;
}

export default async function ResearchTopicPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("research.view");
  const page = await researchTopicPage(user, (await params).id);
  if (!page) return notFoundAudited(user, { entityType: "ResearchTopic", id: (await params).id });
  const { topic, tally, rate } = page;
  const state = topic.state;
  const team = page.onTeam ? (["team", ...(page.isLead ? (["lead"] as const) : [])] as const) : [];
  const canEdit = can(user.roles, "research.manage") && !RESEARCH_MACHINE.problem("edit", state, "admin");
  const canStart = team.length > 0 && !RESEARCH_MACHINE.problem("start", state, "team");
  const canWrite = team.length > 0 && !RESEARCH_MACHINE.problem("save", state, "team");
  const canReview = page.reviewable && !RESEARCH_MACHINE.problem("close", state, "head");
  const canMark = can(user.roles, "research.mark") && !RESEARCH_MACHINE.problem("mark", state, "leader");
  const onBehalf = canMark && !user.roles.includes("LEADER");
  const submitted = state === "REPORTED" || state === "CLOSED";
  // The viewer's next steps, from the one state table, in each capacity they hold on this topic.
  const actors = [...team, ...(canReview ? (["head"] as const) : []), ...(canMark ? (["leader"] as const) : [])];
  const next = RESEARCH_MACHINE.available(state, actors)
    .filter((name) => name !== "save" && name !== "edit")
    .map((name) => (name === "submit" ? "撰写并提交调研报告" : RESEARCH_MACHINE.transitions[name].label));
  return (
    <div>
      <PageHeader
        title={topic.title}
        description={
          <>
            {topic.year.year} 年度 · {topic.area.name} · 完成时限 {formatDate(topic.dueAt)} · <ResearchBadge state={state} />
          </>
        }
        actions={
          <>
            {canEdit && (
              <Link href={`/research/${topic.id}/edit`} className={buttonClass("secondary")}>
                修改课题
              </Link>
            )}
            {submitted && (
              <Link href={`/research/${topic.id}/report`} className={buttonClass("secondary")}>
                调研报告（公文）
              </Link>
            )}
            <Link href={`/research?year=${topic.year.year}`} className="link self-center text-sm">
              返回课题列表
            </Link>
          </>
        }
      />
      <StepBar
        label="课题进度"
        steps={RESEARCH_MACHINE.progress(state)}
        holder={RESEARCH_MACHINE.states[state].holder}
        next={next.length > 0 && <p>您可以：{next.join("、")}</p>}
        deadline={state === "PROPOSED" || state === "RESEARCHING" ? { label: "完成时限", at: topic.dueAt, day: true } : null}
      />
      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card title="课题" className="lg:col-span-2">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-medium text-stone-700">研究的问题</dt>
              <dd className="whitespace-pre-wrap">{topic.question}</dd>
            </div>
            <div>
              <dt className="font-medium text-stone-700">牵头人</dt>
              <dd>
                {topic.lead.name}（{topic.section.name}
                {topic.section.head ? `，科室负责人 ${topic.section.head.name}` : ""}）
              </dd>
            </div>
            <div>
              <dt className="font-medium text-stone-700">课题组成员</dt>
              <dd>{topic.members.map((m) => m.user.name).join("、") || "—"}</dd>
            </div>
          </dl>
        </Card>
        <Card title="建议采纳">
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <dt className="text-stone-500">建议</dt>
            <dd>{tally.proposals} 条</dd>
            <dt className="text-stone-500">采纳</dt>
            <dd>{tally.adopted}</dd>
            <dt className="text-stone-500">部分采纳</dt>
            <dd>{tally.partly}</dd>
            <dt className="text-stone-500">未采纳</dt>
            <dd>{tally.notAdopted}</dd>
            <dt className="text-stone-500">待批示</dt>
            <dd>{tally.unmarked}</dd>
            <dt className="text-stone-500">采纳率</dt>
            <dd className="font-semibold" data-testid="topic-rate">
              {formatRate(rate)}
            </dd>
          </dl>
        </Card>
      </div>
      {topic.reviewComment && (
        <div className="mt-4">
          <Notice tone={state === "RESEARCHING" ? "warning" : "info"}>审核意见：{topic.reviewComment}</Notice>
        </div>
      )}
      {state === "REPORTED" && page.onTeam && (
        <div className="mt-4">
          <Notice tone="success">报告已提交{topic.submittedAt ? `（${formatDateTime(topic.submittedAt)}）` : ""}，等待科室负责人审核。</Notice>
        </div>
      )}
      {canStart && (
        <div className="mt-4">
          <Card title="开始调研">
            <p className="mb-3 text-sm text-stone-600">深入基层、深入一线，广泛征求意见和建议后，在此撰写调研报告。</p>
            <StartButton id={topic.id} version={topic.version} />
          </Card>
        </div>
      )}
      <div className="mt-4">
        <Card title="调研报告">
          {canWrite ? (
            <ReportForm
              topicId={topic.id}
              version={topic.version}
              isLead={page.isLead}
              initial={{ problems: topic.problems ?? "", analysis: topic.analysis ?? "", proposals: topic.proposals.map((p) => p.text) }}
            />
          ) : state === "PROPOSED" ? (
            <p className="text-sm text-stone-500">尚未开始调研。</p>
          ) : (
            <div className="space-y-4 text-sm">
              <section>
                <h3 className="font-medium text-stone-700">症结性问题</h3>
                <Paragraphs text={topic.problems} />
              </section>
              <section>
                <h3 className="font-medium text-stone-700">原因分析</h3>
                <Paragraphs text={topic.analysis} />
              </section>
              <section>
                <h3 className="font-medium text-stone-700">对策建议</h3>
                {topic.proposals.length === 0 && <p className="text-stone-400">未填写</p>}
                <ol className="space-y-3">
                  {topic.proposals.map((p) => (
                    <li key={p.id} data-testid="proposal" className="rounded-md border border-stone-200 p-3">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <span className="whitespace-pre-wrap">
                          {p.seq}. {p.text}
                        </span>
                        {p.mark ? <Badge tone={MARK_TONES[p.mark]}>{MARK_LABELS[p.mark]}</Badge> : submitted && <Badge>待批示</Badge>}
                      </div>
                      {p.mark && (
                        <p className="mt-1 text-stone-600">
                          {p.leaderName} 批示{p.markNote ? `：${p.markNote}` : ""}
                          {p.markedAt ? `（${formatDateTime(p.markedAt)}）` : ""}
                        </p>
                      )}
                      {canMark && (
                        <MarkForm
                          proposal={{ id: p.id, seq: p.seq, version: p.version, mark: p.mark, markNote: p.markNote, leaderName: p.leaderName }}
                          onBehalf={onBehalf}
                        />
                      )}
                    </li>
                  ))}
                </ol>
              </section>
            </div>
          )}
        </Card>
      </div>
      {canReview && (
        <div className="mt-4">
          <ReviewForm id={topic.id} version={topic.version} />
        </div>
      )}
    </div>
  );
}
