// Quarterly progress reports: drafted and submitted by the unit, returned or accepted by the liaison.
import "server-only";
import { REPORT_MACHINE } from "@/lib/reports/states";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyCarriers, notifyUsers } from "@/lib/notifications/service";
import { type Carrier, carriedWhere } from "@/lib/projects/carrier";
import { formatDateTime } from "@/lib/time";
import { defaultDeadline, isLate, owesReport, quarterStart, QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import type { ReportFields } from "@/lib/reports/schemas";
import type { ReportStatus, WindowKind } from "@/lib/generated/prisma/enums";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

/** The quarter's deadline: the year's 进展报送 deadline set by the admin, else the default. */
export async function deadlineFor(tx: Pick<Tx, "yearWindow">, year: number, quarter: Quarter): Promise<Date> {
  const window = await tx.yearWindow.findFirst({ where: { year: { year }, kind: `REPORT_Q${quarter}` as WindowKind } });
  return window?.endsAt ?? defaultDeadline(year, quarter);
}

type Key = { projectId: string; year: number; quarter: Quarter };

/** A project the caller carries, which must owe this quarter's report, locked against a concurrent save. */
async function ownProject(tx: Tx, key: Key, carrier: Carrier, now: Date) {
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE "id" = ${key.projectId} FOR UPDATE`;
  const project = await tx.project.findFirst({ where: { AND: [{ id: key.projectId }, carriedWhere(carrier)] } });
  if (!project) throw new NotFoundError("项目不存在");
  if (!owesReport(project, key.year, key.quarter)) throw new ActionError(`该项目${key.year}年${QUARTER_LABELS[key.quarter]}不需要报送进展`);
  if (now < quarterStart(key.year, key.quarter)) throw new ActionError("该季度尚未开始");
  return project;
}

/**
 * The quarter's report of the unit's own project, made as an empty draft when it does not exist yet: a file can be
 * attached before the first 保存草稿 (the form adopts the new draft's version, see ReportForm).
 */
export async function draftForAttachment(tx: Tx, key: Key, carrier: Carrier, now: Date) {
  const project = await ownProject(tx, key, carrier, now);
  const where = { projectId_year_quarter: { projectId: project.id, year: key.year, quarter: key.quarter } };
  return (
    (await tx.progressReport.findUnique({ where, include: { _count: { select: { attachments: true } } } })) ??
    (await tx.progressReport.create({
      data: { projectId: project.id, year: key.year, quarter: key.quarter },
      include: { _count: { select: { attachments: true } } },
    }))
  );
}

/** The project a report save writes to and the quarter's report, if any (saveReportRecord). */
type SaveRow = { startedAt: Date | null; endedAt: Date | null; reportId: string | null; status: ReportStatus | null; version: number | null };

/**
 * Saves the unit's draft. The hot path of the reporting days in two statements (issue 17): the carrier's project,
 * locked against a concurrent save, with the quarter's report in one read; then the update, which checks the version
 * and the state again itself (a save that waited for the lock may have read the report before the other committed).
 */
export async function saveReportRecord(tx: Tx, input: Key & ReportFields & { version?: number }, carrier: Carrier, by: By) {
  const now = by.now ?? new Date();
  const { projectId, year, quarter, version, ...fields } = input;
  const [row] = await tx.$queryRaw<SaveRow[]>`
    SELECT p."startedAt", p."endedAt", r."id" AS "reportId", r."status"::text AS "status", r."version"
      FROM "Project" p
      LEFT JOIN "ProgressReport" r ON r."projectId" = p."id" AND r."year" = ${year} AND r."quarter" = ${quarter}
     WHERE p."id" = ${projectId} AND (p."unitId" = ${carrier.unitId} OR p."leadUserId" = ${carrier.leadUserId})
       FOR UPDATE OF p`;
  if (!row) throw new NotFoundError("项目不存在");
  if (!owesReport(row, year, quarter)) throw new ActionError(`该项目${year}年${QUARTER_LABELS[quarter]}不需要报送进展`);
  if (now < quarterStart(year, quarter)) throw new ActionError("该季度尚未开始");
  if (row.reportId === null) {
    if (version !== undefined && version !== 0) throw new ActionError(STALE_RECORD);
    const report = await tx.progressReport.create({ data: { projectId, year, quarter, ...fields } });
    return { id: report.id, version: report.version };
  }
  REPORT_MACHINE.assert("save", row.status as ReportStatus, "unit");
  if (version !== row.version) throw new ActionError(STALE_RECORD);
  const editable = [...REPORT_MACHINE.transitions.save.from];
  const [saved] = await tx.$queryRaw<{ version: number }[]>`
    UPDATE "ProgressReport"
       SET "progress" = ${fields.progress ?? null}, "percent" = ${fields.percent ?? null}, "problems" = ${fields.problems ?? null},
           "nextSteps" = ${fields.nextSteps ?? null}, "milestones" = ${JSON.stringify(fields.milestones ?? [])}::jsonb,
           "version" = "version" + 1, "updatedAt" = now()
     WHERE "id" = ${row.reportId} AND "version" = ${version} AND "status"::text = ANY(${editable}::text[])
     RETURNING "version"`;
  if (!saved) throw new ActionError(STALE_RECORD);
  return { id: row.reportId, version: saved.version };
}

export async function submitReportRecord(tx: Tx, input: Key & { version: number }, carrier: Carrier, by: By) {
  const now = by.now ?? new Date();
  const project = await ownProject(tx, input, carrier, now);
  const report = await tx.progressReport.findUnique({
    where: { projectId_year_quarter: { projectId: input.projectId, year: input.year, quarter: input.quarter } },
  });
  if (!report) throw new ActionError("请先填写进展报告");
  REPORT_MACHINE.assert("submit", report.status, "unit");
  if (report.version !== input.version) throw new ActionError(STALE_RECORD);
  if (!report.progress) throw new FieldError("progress", "请填写进展情况");
  if (report.percent === null) throw new FieldError("percent", "请填写完成进度");
  const deadline = await deadlineFor(tx, input.year, input.quarter);
  const late = isLate(now, deadline);
  await tx.progressReport.update({
    where: { id: report.id },
    data: { status: REPORT_MACHINE.transitions.submit.to, submittedAt: now, late, version: { increment: 1 } },
  });
  const what = `${input.year}年${QUARTER_LABELS[input.quarter]}`;
  await writeAudit(
    {
      actor: by.actor,
      action: REPORT_MACHINE.transitions.submit.audit,
      entityType: "Project",
      entityId: project.id,
      summary: `${project.title}：${what}${late ? `（逾期，截止 ${formatDateTime(deadline)}）` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  if (project.liaisonId)
    await notifyUsers(tx, [project.liaisonId], { kind: "report.submitted", title: `“${project.title}”报送了${what}进展`, link: reportLink(input) });
  return { late };
}

export function reportLink(key: Key) {
  return `/reports/${key.projectId}/${key.year}/${key.quarter}`;
}

/** The liaison (or the admin) returns a report with comments, or accepts it. */
export async function reviewReportRecord(
  tx: Tx,
  input: { reportId: string; version: number; accept: boolean; comment: string | null },
  by: By & { isAdmin: boolean },
) {
  const report = await tx.progressReport.findUnique({ where: { id: input.reportId }, include: { project: true } });
  if (!report) throw new NotFoundError("报告不存在");
  if (report.project.liaisonId !== by.actor.id && !by.isAdmin) throw new ActionError("只有该项目的联系人可以审核进展报告");
  const transition = REPORT_MACHINE.transitions[input.accept ? "accept" : "return"];
  REPORT_MACHINE.assert(input.accept ? "accept" : "return", report.status, "reviewer");
  if (report.version !== input.version) throw new ActionError(STALE_RECORD);
  if (!input.accept && !input.comment) throw new FieldError("comment", "请填写退回意见");
  await tx.progressReport.update({
    where: { id: report.id },
    data: { status: transition.to, reviewComment: input.comment, reviewedAt: by.now ?? new Date(), version: { increment: 1 } },
  });
  const what = `${report.year}年${QUARTER_LABELS[report.quarter as Quarter]}`;
  await writeAudit(
    {
      actor: by.actor,
      action: transition.audit,
      entityType: "Project",
      entityId: report.projectId,
      summary: `${report.project.title}：${what}`,
      ip: by.ip,
    },
    tx,
  );
  await notifyCarriers(tx, report.project, {
    kind: input.accept ? "report.reviewed" : "report.returned",
    title: input.accept ? `“${report.project.title}”${what}进展已通过` : `“${report.project.title}”${what}进展被退回`,
    body: input.comment,
    link: reportLink({ projectId: report.projectId, year: report.year, quarter: report.quarter as Quarter }),
  });
}
