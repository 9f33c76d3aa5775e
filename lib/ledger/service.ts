// 盘点销号 (seed 004): a section's legacy problems, logged by its cadres, cleared (销号) with evidence once the
// confirmer agrees, reopened with a reason when the problem comes back.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, NotFoundError, STALE_RECORD } from "@/lib/actions/errors";
import { checkFileContent, cleanFileName, MAX_ATTACHMENTS } from "@/lib/projects/attachments";
import { fileStore } from "@/lib/storage";
import { formatDate, startOfBusinessDay } from "@/lib/time";
import type { Reader } from "@/lib/learning/reach";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { confirmableWhere, keeperWhere } from "@/lib/ledger/scope";
import type { ProblemInput } from "@/lib/ledger/schemas";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type Writer = Reader & { unitId: string };

const NOT_KEEPER = "问题不存在，或不是您负责的问题";
const NOT_CONFIRMER = "问题不存在，或不由您确认销号";

async function lockProblem(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "LedgerProblem" WHERE "id" = ${id} FOR UPDATE`;
}

/** The owner: oneself, or (for the head) an active cadre of the section. */
async function checkOwner(tx: Tx, section: { id: string; headId: string | null }, ownerId: string, writer: Writer) {
  if (ownerId === writer.id) return;
  if (section.headId !== writer.id) throw new FieldError("ownerId", "只有科室负责人可以指定其他责任人");
  const owner = await tx.user.findFirst({ where: { id: ownerId, unitId: section.id, active: true, roles: { has: "COUNTY_STAFF" } }, select: { id: true } });
  if (!owner) throw new FieldError("ownerId", "责任人须是本科室在岗的组工干部");
}

function checkTarget(targetDate: Date, now: Date) {
  if (targetDate < startOfBusinessDay(formatDate(now))!) throw new FieldError("targetDate", "目标销号日期不能早于今天");
}

export async function createProblemRecord(tx: Tx, input: ProblemInput, writer: Writer, by: By) {
  const now = by.now ?? new Date();
  const section = await tx.unit.findFirst({ where: { id: writer.unitId, type: "SECTION" }, select: { id: true, name: true, headId: true } });
  if (!section || !writer.roles.includes("COUNTY_STAFF")) throw new ActionError("只有部机关各科室的组工干部可以登记遗留问题");
  const ownerId = input.ownerId ?? writer.id;
  await checkOwner(tx, section, ownerId, writer);
  checkTarget(input.targetDate, now);
  // One open entry per problem and section: a double click, two tabs or two colleagues make one record.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ledger:${section.id}:${input.title}`}))`;
  const same = await tx.ledgerProblem.findFirst({ where: { sectionId: section.id, title: input.title, status: { not: "CLEARED" } }, select: { id: true } });
  if (same) throw new FieldError("title", "本科室已登记该问题（尚未销号），请在台账中打开修改");
  const problem = await tx.ledgerProblem.create({
    data: {
      sectionId: section.id,
      ownerId,
      createdById: writer.id,
      title: input.title,
      since: input.since,
      measures: input.measures,
      targetDate: input.targetDate,
      createdAt: now,
    },
    include: { owner: { select: { name: true } } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "ledger.create",
      entityType: "LedgerProblem",
      entityId: problem.id,
      summary: `${section.name}：${problem.title}（责任人 ${problem.owner.name}，目标 ${formatDate(problem.targetDate)}）`,
      ip: by.ip,
    },
    tx,
  );
  return { id: problem.id };
}

async function kept(tx: Tx, id: string, writer: Writer) {
  await lockProblem(tx, id);
  const problem = await tx.ledgerProblem.findFirst({
    where: { AND: [{ id }, keeperWhere(writer)] },
    include: { section: { select: { id: true, name: true, headId: true } }, _count: { select: { attachments: true } } },
  });
  if (!problem) throw new NotFoundError(NOT_KEEPER);
  return problem;
}

export async function updateProblemRecord(tx: Tx, input: ProblemInput & { id: string; version: number }, writer: Writer, by: By) {
  const problem = await kept(tx, input.id, writer);
  LEDGER_MACHINE.assert("edit", problem.status, "keeper");
  if (problem.version !== input.version) throw new ActionError(STALE_RECORD);
  const ownerId = input.ownerId ?? problem.ownerId;
  if (ownerId !== problem.ownerId) await checkOwner(tx, problem.section, ownerId, writer);
  if (input.targetDate.getTime() !== problem.targetDate.getTime()) checkTarget(input.targetDate, by.now ?? new Date());
  const updated = await tx.ledgerProblem.update({
    where: { id: problem.id },
    data: { title: input.title, since: input.since, measures: input.measures, targetDate: input.targetDate, ownerId, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "ledger.update",
      entityType: "LedgerProblem",
      entityId: problem.id,
      summary: `${problem.section.name}：${updated.title}`,
      ip: by.ip,
    },
    tx,
  );
  return { id: updated.id, version: updated.version };
}

export async function requestClearRecord(tx: Tx, input: { id: string; version: number; evidence: string }, writer: Writer, by: By) {
  const problem = await kept(tx, input.id, writer);
  LEDGER_MACHINE.assert("request", problem.status, "keeper");
  if (problem.version !== input.version) throw new ActionError(STALE_RECORD);
  const updated = await tx.ledgerProblem.update({
    where: { id: problem.id },
    data: { status: "PENDING", evidence: input.evidence, requestedAt: by.now ?? new Date(), reviewComment: null, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "ledger.request",
      entityType: "LedgerProblem",
      entityId: problem.id,
      summary: `${problem.section.name}：${problem.title}（佐证材料 ${problem._count.attachments} 个）`,
      ip: by.ip,
    },
    tx,
  );
  return { id: updated.id, version: updated.version };
}

async function confirmable(tx: Tx, id: string, viewer: Reader) {
  await lockProblem(tx, id);
  const problem = await tx.ledgerProblem.findFirst({ where: { AND: [{ id }, confirmableWhere(viewer)] }, include: { section: { select: { name: true } } } });
  if (!problem) throw new NotFoundError(NOT_CONFIRMER);
  return problem;
}

/** The confirmer clears the problem (销号), or sends the request back with a comment. */
export async function confirmClearRecord(tx: Tx, input: { id: string; version: number; accept: boolean; comment: string | null }, viewer: Reader, by: By) {
  const problem = await confirmable(tx, input.id, viewer);
  const name = input.accept ? "confirm" : "reject";
  LEDGER_MACHINE.assert(name, problem.status, "confirmer");
  if (problem.version !== input.version) throw new ActionError(STALE_RECORD);
  if (!input.accept && !input.comment) throw new FieldError("comment", "请填写退回意见");
  const now = by.now ?? new Date();
  const updated = await tx.ledgerProblem.update({
    where: { id: problem.id },
    data: input.accept
      ? { status: "CLEARED", clearedAt: now, confirmedById: by.actor.id, reviewComment: input.comment, version: { increment: 1 } }
      : { status: "OPEN", reviewComment: input.comment, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: LEDGER_MACHINE.transitions[name].audit,
      entityType: "LedgerProblem",
      entityId: problem.id,
      summary: `${problem.section.name}：${problem.title}${input.comment ? `，意见：${input.comment}` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  return { id: updated.id, version: updated.version };
}

/** A cleared problem came back: reopened with a reason, the owner works on it again. */
export async function reopenProblemRecord(tx: Tx, input: { id: string; version: number; reason: string }, viewer: Reader, by: By) {
  const problem = await confirmable(tx, input.id, viewer);
  LEDGER_MACHINE.assert("reopen", problem.status, "confirmer");
  if (problem.version !== input.version) throw new ActionError(STALE_RECORD);
  const updated = await tx.ledgerProblem.update({
    where: { id: problem.id },
    data: {
      status: "REOPENED",
      reopenReason: input.reason,
      reopenedAt: by.now ?? new Date(),
      reopenCount: { increment: 1 },
      clearedAt: null,
      confirmedById: null,
      reviewComment: null,
      version: { increment: 1 },
    },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "ledger.reopen",
      entityType: "LedgerProblem",
      entityId: problem.id,
      summary: `${problem.section.name}：${problem.title}，原因：${input.reason}`,
      ip: by.ip,
    },
    tx,
  );
  return { id: updated.id, version: updated.version };
}

/** An evidence file, checked by content (as a proposal's attachments) and virus-scanned by the action before this. */
export async function addLedgerAttachmentRecord(tx: Tx, input: { problemId: string; name: string; content: Buffer }, writer: Writer, by: By) {
  const problem = await kept(tx, input.problemId, writer);
  LEDGER_MACHINE.assert("attach", problem.status, "keeper");
  if (problem._count.attachments >= MAX_ATTACHMENTS) throw new ActionError(`佐证材料不能超过 ${MAX_ATTACHMENTS} 个`);
  const checked = await checkFileContent(input.name, input.content);
  if ("problem" in checked) throw new ActionError(checked.problem);
  const storageKey = `ledger/${problem.id}/${crypto.randomUUID()}`;
  const attachment = await tx.ledgerAttachment.create({
    data: {
      problemId: problem.id,
      fileName: cleanFileName(input.name),
      storageKey,
      mimeType: checked.mime,
      size: input.content.length,
      uploadedById: by.actor.id,
    },
  });
  // Written last: if the row fails the file is never stored; if the write fails the row rolls back.
  await fileStore().put(storageKey, input.content);
  await writeAudit(
    {
      actor: by.actor,
      action: "ledger.attach",
      entityType: "LedgerProblem",
      entityId: problem.id,
      summary: `${problem.title}：${attachment.fileName}`,
      ip: by.ip,
    },
    tx,
  );
  return attachment;
}

export async function removeLedgerAttachmentRecord(tx: Tx, id: string, writer: Writer, by: By) {
  const attachment = await tx.ledgerAttachment.findFirst({ where: { id, problem: keeperWhere(writer) }, include: { problem: true } });
  if (!attachment) throw new NotFoundError("附件不存在");
  await lockProblem(tx, attachment.problemId);
  LEDGER_MACHINE.assert("attach", attachment.problem.status, "keeper");
  await tx.ledgerAttachment.delete({ where: { id } });
  await writeAudit(
    {
      actor: by.actor,
      action: "ledger.detach",
      entityType: "LedgerProblem",
      entityId: attachment.problemId,
      summary: `${attachment.problem.title}：${attachment.fileName}`,
      ip: by.ip,
    },
    tx,
  );
  return { storageKey: attachment.storageKey, problemId: attachment.problemId };
}
