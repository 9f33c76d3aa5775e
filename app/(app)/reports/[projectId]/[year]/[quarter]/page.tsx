import { REPORT_MACHINE } from "@/lib/reports/states";
import { StepBar } from "@/components/ui/step-bar";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { carries } from "@/lib/projects/carrier";
import { can } from "@/lib/auth/permissions";
import { reportPage } from "@/lib/reports/queries";
import { cellStatus, owesReport, QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import { formatDate, formatDateTime } from "@/lib/time";
import { z, idSchema } from "@/lib/validation";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { Countdown } from "@/components/ui/countdown";
import { CellBadge } from "@/components/reports/cell-badge";
import { ReportForm, ReviewButtons } from "@/components/reports/report-form";
import { AttachmentList } from "@/components/projects/attachments";

export const metadata: Metadata = { title: "季度进展报告" };

const paramsSchema = z.object({ projectId: idSchema, year: z.coerce.number().int().min(2000).max(2100), quarter: z.coerce.number().int().min(1).max(4) });
type SavedMilestone = { milestoneId: string; done: boolean; doneOn: string | null; note: string | null };

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<Record<string, string>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("reports.view");
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { projectId, year } = parsed.data;
  const quarter = parsed.data.quarter as Quarter;
  const page = await reportPage(user, projectId, year, quarter);
  if (!page || !owesReport(page.project, year, quarter)) return notFoundAudited(user, { entityType: "ProgressReport", id: `${projectId}/${year}/${quarter}` });
  const { project, report, deadline } = page;
  const now = new Date();
  const status = cellStatus({ owed: true, report, year, quarter, deadline }, now);
  const mine = can(user.roles, "reports.submit") && carries(user, project);
  const state = report?.status ?? REPORT_MACHINE.initial;
  const editable = mine && !REPORT_MACHINE.problem("save", state, "unit");
  const reviewer = can(user.roles, "reports.review") && (project.liaisonId === user.id || can(user.roles, "projects.manage"));
  const reviewable = reviewer && !REPORT_MACHINE.problem("accept", state, "reviewer");
  const saved = (report?.milestones ?? []) as SavedMilestone[];
  const justSent = (await searchParams).submitted === "1" && report?.submittedAt && state !== REPORT_MACHINE.initial;
  const reviewerName = project.liaison ? `项目联系人 ${project.liaison.name}` : "县委组织部（尚未指定联系人，由管理员审核）";
  const milestones = project.milestones.map((m) => {
    const s = saved.find((x) => x.milestoneId === m.id);
    return { milestoneId: m.id, title: m.title, planned: formatDate(m.dueDate), done: s?.done ?? false, doneOn: s?.doneOn ?? null, note: s?.note ?? null };
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${project.title}：${year}年${QUARTER_LABELS[quarter]}进展`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {project.unit.name} · 截止 {formatDateTime(deadline)}
            {editable && <Countdown deadline={deadline.toISOString()} serverNow={now.toISOString()} />}
            <CellBadge status={status} />
          </span>
        }
        actions={
          <Link href="/reports" className={buttonClass("secondary")}>
            返回季度报告
          </Link>
        }
      />
      <StepBar
        label="报告进程"
        steps={REPORT_MACHINE.progress(state)}
        holder={REPORT_MACHINE.states[state].holder}
        next={editable ? <p>下一步：填写后报送，截止 {formatDateTime(deadline)}</p> : reviewable ? <p>下一步：请您审核（通过或退回修改）</p> : undefined}
      />
      {justSent && report?.submittedAt && (
        <Notice tone="success">
          <span>
            已报送{year}年{QUARTER_LABELS[quarter]}进展报告（完成进度 {report.percent}%，实施节点 {milestones.filter((m) => m.done).length}/{milestones.length}{" "}
            个已完成，附件 {report.attachments.length} 个），报送时间 {formatDateTime(report.submittedAt)}
            {report.late && "（已过截止时间，记为逾期报送）"}，已送{reviewerName}审核，审核结果会通知您。
          </span>
        </Notice>
      )}
      {report?.status === "RETURNED" && report.reviewComment && <Notice tone="warning">退回意见：{report.reviewComment}</Notice>}
      {editable ? (
        <ReportForm
          reportKey={{ projectId, year, quarter }}
          version={report?.version}
          initial={{
            progress: report?.progress ?? "",
            percent: report?.percent?.toString() ?? "",
            problems: report?.problems ?? "",
            nextSteps: report?.nextSteps ?? "",
            milestones,
          }}
        />
      ) : report && state !== REPORT_MACHINE.initial ? (
        <Card title="报告内容">
          <dl className="grid gap-x-3 gap-y-2 text-sm sm:grid-cols-[7rem_1fr]">
            <dt className="text-stone-500">报送时间</dt>
            <dd>
              {formatDateTime(report.submittedAt)}
              {report.late && "（逾期）"}
            </dd>
            <dt className="text-stone-500">进展情况</dt>
            <dd className="whitespace-pre-wrap">{report.progress}</dd>
            <dt className="text-stone-500">完成进度</dt>
            <dd>{report.percent}%</dd>
            <dt className="text-stone-500">实施节点</dt>
            <dd>
              <ul aria-label="实施节点">
                {milestones.map((m) => (
                  <li key={m.milestoneId}>
                    {m.title}（计划 {m.planned}）：{m.done ? `已完成${m.doneOn ? ` ${m.doneOn}` : ""}` : "未完成"}
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="text-stone-500">存在问题</dt>
            <dd className="whitespace-pre-wrap">{report.problems || "—"}</dd>
            <dt className="text-stone-500">下步打算</dt>
            <dd className="whitespace-pre-wrap">{report.nextSteps || "—"}</dd>
            {report.reviewComment && (
              <>
                <dt className="text-stone-500">审核意见</dt>
                <dd className="whitespace-pre-wrap">{report.reviewComment}</dd>
              </>
            )}
          </dl>
        </Card>
      ) : (
        <p className="text-sm text-stone-500">单位尚未报送。</p>
      )}
      <Card title="附件">
        {report || editable ? (
          <AttachmentList projectId={projectId} attachments={report?.attachments ?? []} editable={editable} report={{ year, quarter }} />
        ) : (
          <p className="text-sm text-stone-500">暂无附件。</p>
        )}
      </Card>
      {reviewable && report && (
        <Card title="审核">
          <ReviewButtons report={{ id: report.id, version: report.version }} />
        </Card>
      )}
    </div>
  );
}
