// Attachments of a proposal: type checked by content, size limited, stored under generated keys.
import "server-only";
import crypto from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { Tx } from "@/lib/db/client";
import { type Carrier, carriedWhere } from "@/lib/projects/carrier";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, NotFoundError } from "@/lib/actions/errors";
import { fileStore } from "@/lib/storage";
import { EDITABLE_STATES } from "@/lib/projects/catalog";
import { draftForAttachment } from "@/lib/reports/service";
import type { Quarter } from "@/lib/reports/quarters";
import { ATTACHMENT_HINT, MAX_ATTACHMENT_BYTES } from "@/lib/files/limits";

export const MAX_ATTACHMENTS = 20;

/** What the bytes are, whatever the name says; Office's old binary formats are one container type. */
const ALLOWED: Record<string, string[]> = {
  pdf: ["pdf"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  cfb: ["doc", "xls"],
  jpg: ["jpg", "jpeg"],
  png: ["png"],
};

export async function checkFileContent(name: string, content: Buffer): Promise<{ mime: string } | { problem: string }> {
  if (content.length === 0) return { problem: "文件是空的" };
  if (content.length > MAX_ATTACHMENT_BYTES) return { problem: "文件超过 20 MB" };
  const detected = await fileTypeFromBuffer(content);
  const extension = name.split(".").pop()?.toLowerCase() ?? "";
  const allowedNames = detected ? ALLOWED[detected.ext] : undefined;
  if (!detected || !allowedNames?.includes(extension)) return { problem: `不支持该文件类型，请上传${ATTACHMENT_HINT}` };
  return { mime: detected.mime };
}

export { cleanFileName } from "@/lib/projects/file-names";
import { cleanFileName } from "@/lib/projects/file-names";
import { REPORT_MACHINE } from "@/lib/reports/states";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

export async function addAttachmentRecord(tx: Tx, input: { projectId: string; name: string; content: Buffer }, carrier: Carrier, by: By) {
  const project = await tx.project.findFirst({
    where: { AND: [{ id: input.projectId }, carriedWhere(carrier)] },
    include: { _count: { select: { attachments: { where: { reportId: null } } } } },
  });
  if (!project) throw new NotFoundError("项目不存在");
  if (!EDITABLE_STATES.includes(project.state)) throw new ActionError("已提交的申报书不能再添加附件");
  if (project._count.attachments >= MAX_ATTACHMENTS) throw new ActionError(`附件不能超过 ${MAX_ATTACHMENTS} 个`);
  const checked = await checkFileContent(input.name, input.content);
  if ("problem" in checked) throw new ActionError(checked.problem);
  const storageKey = `${project.id}/${crypto.randomUUID()}`;
  const attachment = await tx.attachment.create({
    data: {
      projectId: project.id,
      fileName: cleanFileName(input.name),
      storageKey,
      mimeType: checked.mime,
      size: input.content.length,
      uploadedById: by.actor.id,
    },
  });
  // Written last: if the row fails the file is never stored; if the write fails the row rolls back.
  await fileStore().put(storageKey, input.content);
  await writeAudit({ actor: by.actor, action: "project.attach", entityType: "Project", entityId: project.id, summary: attachment.fileName, ip: by.ip }, tx);
  return attachment;
}

export async function removeAttachmentRecord(tx: Tx, id: string, carrier: Carrier, by: By) {
  const attachment = await tx.attachment.findFirst({ where: { id, project: carriedWhere(carrier) }, include: { project: true, report: true } });
  if (!attachment) throw new NotFoundError("附件不存在");
  if (attachment.report ? !REPORT_MACHINE.inGroup("editable", attachment.report.status) : !EDITABLE_STATES.includes(attachment.project.state)) {
    throw new ActionError(attachment.report ? "已报送的进展报告不能删除附件" : "已提交的申报书不能删除附件");
  }
  // Submitted versions list their files by name; the bytes of a removed draft file are not kept.
  await tx.attachment.delete({ where: { id } });
  await writeAudit(
    { actor: by.actor, action: "project.detach", entityType: "Project", entityId: attachment.projectId, summary: attachment.fileName, ip: by.ip },
    tx,
  );
  return attachment.storageKey;
}

/** An attachment of a quarterly report still being written (draft or returned) of a project the caller carries. */
export async function addReportAttachmentRecord(
  tx: Tx,
  input: { projectId: string; year: number; quarter: number; name: string; content: Buffer },
  carrier: Carrier,
  by: By,
) {
  // The first file of a quarter makes its draft (scoped to the unit's own project that owes this quarter).
  const report = await draftForAttachment(
    tx,
    { projectId: input.projectId, year: input.year, quarter: input.quarter as Quarter },
    carrier,
    by.now ?? new Date(),
  );
  if (report.status !== "DRAFT" && report.status !== "RETURNED") throw new ActionError("已报送的进展报告不能再添加附件");
  if (report._count.attachments >= MAX_ATTACHMENTS) throw new ActionError(`附件不能超过 ${MAX_ATTACHMENTS} 个`);
  const checked = await checkFileContent(input.name, input.content);
  if ("problem" in checked) throw new ActionError(checked.problem);
  const storageKey = `${input.projectId}/${crypto.randomUUID()}`;
  const attachment = await tx.attachment.create({
    data: {
      projectId: input.projectId,
      reportId: report.id,
      fileName: cleanFileName(input.name),
      storageKey,
      mimeType: checked.mime,
      size: input.content.length,
      uploadedById: by.actor.id,
    },
  });
  await fileStore().put(storageKey, input.content);
  await writeAudit(
    {
      actor: by.actor,
      action: "project.attach",
      entityType: "Project",
      entityId: input.projectId,
      summary: `${input.year}年第${input.quarter}季度进展：${attachment.fileName}`,
      ip: by.ip,
    },
    tx,
  );
  return attachment;
}
