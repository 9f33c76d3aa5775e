import { notFound } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { ledgerProblem, ownerChoices } from "@/lib/ledger/queries";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { formatDate, formatDateTime } from "@/lib/time";
import { idSchema } from "@/lib/validation";
import { Card, PageHeader, SavedNotice } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { StepBar } from "@/components/ui/step-bar";
import { LedgerBadge } from "@/components/ledger/status-badge";
import { ProblemForm } from "@/components/ledger/problem-form";
import { EvidenceFiles } from "@/components/ledger/evidence-files";
import { ConfirmClearForm, ReopenForm, RequestClearForm } from "@/components/ledger/problem-actions";

export const metadata: Metadata = { title: "遗留问题" };

export default async function ProblemPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("ledger.view");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const query = await searchParams;
  const page = await ledgerProblem(user, id.data);
  if (!page) return notFoundAudited(user, { entityType: "LedgerProblem", id: id.data });
  const { problem } = page;
  const now = new Date();
  const keeper = page.keeper && can(user.roles, "ledger.write");
  const confirmer = page.confirmer && can(user.roles, "ledger.confirm");
  const moves = LEDGER_MACHINE.available(problem.status, [...(keeper ? (["keeper"] as const) : []), ...(confirmer ? (["confirmer"] as const) : [])]);
  const editing = query.edit === "1" && moves.includes("edit");
  const owners = editing ? await ownerChoices(user) : [];
  return (
    <div className="space-y-4">
      <PageHeader
        title={problem.title}
        description={
          <>
            {problem.section.name} · 责任人 {problem.owner.name} · 目标销号 {formatDate(problem.targetDate)} · <LedgerBadge problem={problem} now={now} />
          </>
        }
        actions={
          <Link href="/ledger" className="link text-sm">
            返回台账
          </Link>
        }
      />
      <SavedNotice show={query.saved} />
      <StepBar
        label="销号进度"
        steps={LEDGER_MACHINE.progress(problem.status)}
        holder={
          problem.status === "OPEN" || problem.status === "REOPENED"
            ? `${problem.owner.name}（责任人）整改，完成后申请销号`
            : LEDGER_MACHINE.states[problem.status].holder
        }
        next={moves.length > 0 && <p>您可以：{moves.map((name) => LEDGER_MACHINE.transitions[name].label).join("、")}</p>}
        deadline={problem.status === "CLEARED" ? null : { label: "目标销号", at: problem.targetDate, day: true }}
      />
      {problem.reviewComment && (
        <Notice tone={problem.status === "OPEN" ? "warning" : "info"}>
          {problem.status === "OPEN" ? "销号申请被退回：" : "确认意见："}
          {problem.reviewComment}
        </Notice>
      )}
      {problem.status === "REOPENED" && problem.reopenReason && (
        <Notice tone="warning">
          {formatDate(problem.reopenedAt)} 重新打开：{problem.reopenReason}
        </Notice>
      )}
      {editing ? (
        <Card title="修改遗留问题">
          <ProblemForm
            problem={{ id: problem.id, version: problem.version }}
            owners={owners.some((o) => o.id === problem.owner.id) ? owners : [problem.owner, ...owners]}
            today={formatDate(now)}
            initial={{
              title: problem.title,
              since: problem.since,
              measures: problem.measures,
              targetDate: formatDate(problem.targetDate),
              ownerId: problem.owner.id,
            }}
          />
        </Card>
      ) : (
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-stone-700">存在时间</dt>
              <dd>{problem.since}</dd>
            </div>
            <div>
              <dt className="font-medium text-stone-700">登记时间</dt>
              <dd>{formatDateTime(problem.createdAt)}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="font-medium text-stone-700">整改措施</dt>
              <dd className="whitespace-pre-wrap">{problem.measures}</dd>
            </div>
            {problem.evidence && (
              <div className="sm:col-span-2">
                <dt className="font-medium text-stone-700">销号佐证</dt>
                <dd className="whitespace-pre-wrap">{problem.evidence}</dd>
                {problem.requestedAt && <dd className="text-xs text-stone-500">申请于 {formatDateTime(problem.requestedAt)}</dd>}
              </div>
            )}
            {problem.status === "CLEARED" && (
              <div className="sm:col-span-2">
                <dt className="font-medium text-stone-700">销号确认</dt>
                <dd>
                  {problem.confirmedBy?.name} 于 {formatDateTime(problem.clearedAt)} 确认销号
                </dd>
              </div>
            )}
            {problem.reopenCount > 0 && (
              <div>
                <dt className="font-medium text-stone-700">重新打开次数</dt>
                <dd>{problem.reopenCount}</dd>
              </div>
            )}
          </dl>
          {moves.includes("edit") && (
            <Link href={`/ledger/${problem.id}?edit=1`} className="link mt-3 inline-block text-sm">
              修改
            </Link>
          )}
        </Card>
      )}
      <Card title="佐证材料">
        <EvidenceFiles problemId={problem.id} files={problem.attachments} editable={moves.includes("attach")} />
      </Card>
      {moves.includes("request") && (
        <Card title="申请销号">
          <RequestClearForm id={problem.id} version={problem.version} />
        </Card>
      )}
      {moves.includes("confirm") && (
        <Card title="确认销号">
          <ConfirmClearForm id={problem.id} version={problem.version} />
        </Card>
      )}
      {moves.includes("reopen") && (
        <Card title="问题反弹？重新打开">
          <ReopenForm id={problem.id} version={problem.version} />
        </Card>
      )}
    </div>
  );
}
