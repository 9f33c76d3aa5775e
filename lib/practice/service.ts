// 四个一: a cadre drafts and submits their own items; the head of the cadre's section returns or accepts them.
import "server-only";
import { PROJECT_MACHINE } from "@/lib/projects/states";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PracticeKind, Role, WindowKind } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, NotFoundError, STALE_RECORD } from "@/lib/actions/errors";
import { notifyUsers } from "@/lib/notifications/service";
import { checkFileContent, cleanFileName, MAX_ATTACHMENTS } from "@/lib/projects/attachments";
import { fileStore } from "@/lib/storage";
import { formatDateTime } from "@/lib/time";
import { PRACTICE_MACHINE } from "@/lib/practice/states";
import { defaultDue, isLate, periodStart, SLOTS, slotOf } from "@/lib/practice/periods";
import { REQUIRED_FIELDS, type PracticeContent, type PracticeFields } from "@/lib/practice/schemas";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type Key = { year: number; kind: PracticeKind; period: number };

/** Each item's due date of a year: the year's 四个一 deadline set by the admin, else the default. */
export async function practiceDues(client: Pick<Tx, "yearWindow">, year: number): Promise<Map<WindowKind, Date>> {
  const windows = await client.yearWindow.findMany({ where: { year: { year }, kind: { in: SLOTS.map((s) => s.window) } } });
  const set = new Map(windows.map((w) => [w.kind, w.endsAt]));
  return new Map(SLOTS.map((slot) => [slot.window, set.get(slot.window) ?? defaultDue(year, slot.kind, slot.period)]));
}

export function practiceLink(key: Key, userId?: string) {
  const base = `/practice/${key.year}/${key.kind.toLowerCase()}-${key.period}`;
  return userId ? `${base}?cadre=${userId}` : base;
}

function checkKey(key: Key, now: Date) {
  const slot = slotOf(key.kind, key.period);
  if (!slot) throw new ActionError("事项不存在");
  if (now < periodStart(key.year, key.kind, key.period)) throw new ActionError(`${key.year}年${slot.label}尚未开始`);
  return slot;
}

/** The cadre's own row, locked: saves and submits of one cadre are serialised (a double click makes one record). */
async function lockCadre(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

function contentOf(fields: PracticeFields): { content: PracticeContent; projectId: string | null } {
  const { projectId, ...content } = fields;
  return { content, projectId };
}

export async function savePracticeRecord(tx: Tx, input: Key & PracticeFields & { version?: number }, userId: string, by: By) {
  const now = by.now ?? new Date();
  checkKey(input, now);
  await lockCadre(tx, userId);
  const { year, kind, period, version, ...fields } = input;
  const { content, projectId } = contentOf(fields);
  // A 典型 links a project whose work has started (as the picker offers), never a draft or a refused proposal.
  if (projectId && !(await tx.project.findFirst({ where: { id: projectId, state: { in: PROJECT_MACHINE.group("started") } }, select: { id: true } })))
    throw new FieldError("projectId", "只能关联实施中或已结项的项目");
  const title = (content[REQUIRED_FIELDS[kind][0][0]] as string | null) ?? "";
  const current = await tx.practiceItem.findUnique({ where: { userId_year_kind_period: { userId, year, kind, period } } });
  if (current) PRACTICE_MACHINE.assert("save", current.status, "cadre");
  if (current && version !== current.version) throw new ActionError(STALE_RECORD);
  if (!current && version !== undefined && version !== 0) throw new ActionError(STALE_RECORD);
  const data = { title, content: content as Prisma.InputJsonObject, projectId };
  const item = current
    ? await tx.practiceItem.update({ where: { id: current.id }, data: { ...data, version: { increment: 1 } } })
    : await tx.practiceItem.create({ data: { userId, year, kind, period, ...data } });
  return { id: item.id, version: item.version };
}

/**
 * The cadre's own item of this year, kind and period, made as an empty draft when it does not exist yet: a file
 * can be attached before the first 保存草稿 (decision 0091; as a quarterly report's, decision 0040).
 */
async function draftForAttachment(tx: Tx, key: Key, userId: string, now: Date) {
  checkKey(key, now);
  await lockCadre(tx, userId);
  const where = { userId_year_kind_period: { userId, year: key.year, kind: key.kind, period: key.period } };
  const include = { _count: { select: { attachments: true } } } as const;
  return (
    (await tx.practiceItem.findUnique({ where, include })) ??
    (await tx.practiceItem.create({ data: { userId, year: key.year, kind: key.kind, period: key.period, title: "", content: {} }, include }))
  );
}

/**
 * A file of the cadre's own item (a 调研报告's materials most of all), checked by content as a proposal's
 * attachments and virus-scanned by the action before this; only while the item is a draft or returned.
 */
export async function addPracticeAttachmentRecord(tx: Tx, input: Key & { name: string; content: Buffer }, userId: string, by: By) {
  const item = await draftForAttachment(tx, input, userId, by.now ?? new Date());
  PRACTICE_MACHINE.assert("attach", item.status, "cadre");
  if (item._count.attachments >= MAX_ATTACHMENTS) throw new ActionError(`附件不能超过 ${MAX_ATTACHMENTS} 个`);
  const checked = await checkFileContent(input.name, input.content);
  if ("problem" in checked) throw new ActionError(checked.problem);
  const storageKey = `practice/${item.id}/${crypto.randomUUID()}`;
  const attachment = await tx.practiceAttachment.create({
    data: { itemId: item.id, fileName: cleanFileName(input.name), storageKey, mimeType: checked.mime, size: input.content.length, uploadedById: by.actor.id },
  });
  // Written last: if the row fails the file is never stored; if the write fails the row rolls back.
  await fileStore().put(storageKey, input.content);
  await writeAudit(
    {
      actor: by.actor,
      action: "practice.attach",
      entityType: "PracticeItem",
      entityId: item.id,
      summary: `${input.year}年${slotOf(input.kind, input.period)!.label}：${attachment.fileName}`,
      ip: by.ip,
    },
    tx,
  );
  return { ...attachment, itemVersion: item.version };
}

/** The cadre removes a file of their own item while it is a draft or returned; the action then deletes the stored file. */
export async function removePracticeAttachmentRecord(tx: Tx, id: string, userId: string, by: By) {
  // Under the cadre's lock (as a save and a submit): a submit that got there first is seen.
  await lockCadre(tx, userId);
  const attachment = await tx.practiceAttachment.findFirst({ where: { id, item: { userId } }, include: { item: true } });
  if (!attachment) throw new NotFoundError("附件不存在");
  PRACTICE_MACHINE.assert("attach", attachment.item.status, "cadre");
  await tx.practiceAttachment.delete({ where: { id } });
  const slot = slotOf(attachment.item.kind, attachment.item.period)!;
  await writeAudit(
    {
      actor: by.actor,
      action: "practice.detach",
      entityType: "PracticeItem",
      entityId: attachment.itemId,
      summary: `${attachment.item.year}年${slot.label}：${attachment.fileName}`,
      ip: by.ip,
    },
    tx,
  );
  return attachment;
}

export async function submitPracticeRecord(tx: Tx, input: Key & { version: number }, userId: string, by: By) {
  const now = by.now ?? new Date();
  const slot = checkKey(input, now);
  await lockCadre(tx, userId);
  const item = await tx.practiceItem.findUnique({
    where: { userId_year_kind_period: { userId, year: input.year, kind: input.kind, period: input.period } },
    include: { user: { select: { name: true, unit: { select: { headId: true } } } } },
  });
  if (!item) throw new ActionError("请先填写并保存");
  PRACTICE_MACHINE.assert("submit", item.status, "cadre");
  if (item.version !== input.version) throw new ActionError(STALE_RECORD);
  const content = item.content as Record<string, unknown>;
  for (const [field, label] of REQUIRED_FIELDS[input.kind]) if (!content[field]) throw new FieldError(field, `请填写${label}`);
  const due = (await practiceDues(tx, input.year)).get(slot.window)!;
  const late = isLate(now, due);
  await tx.practiceItem.update({
    where: { id: item.id },
    data: { status: PRACTICE_MACHINE.transitions.submit.to, submittedAt: now, late, version: { increment: 1 } },
  });
  const what = `${input.year}年${slot.label}`;
  await writeAudit(
    {
      actor: by.actor,
      action: PRACTICE_MACHINE.transitions.submit.audit,
      entityType: "PracticeItem",
      entityId: item.id,
      summary: `${item.user.name}：${what}“${item.title}”${late ? `（逾期，截止 ${formatDateTime(due)}）` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  const headId = item.user.unit.headId;
  if (headId && headId !== userId)
    await notifyUsers(tx, [headId], { kind: "practice.submitted", title: `${item.user.name}提交了${what}`, link: practiceLink(input, userId) });
  return { late };
}

type Reviewer = { id: string; roles: readonly Role[] };

/**
 * The items a caller may review, as a query: a section head those of the other cadres of their section; the
 * admin those of the section heads themselves (nobody reviews their own).
 */
export function reviewableWhere(viewer: Reviewer): Prisma.PracticeItemWhereInput {
  const asHead: Prisma.PracticeItemWhereInput = { user: { unit: { headId: viewer.id } }, userId: { not: viewer.id } };
  if (!viewer.roles.includes("COUNTY_ADMIN")) return asHead;
  return { OR: [asHead, { user: { headOf: { some: {} } }, userId: { not: viewer.id } }] };
}

/** The section head returns an item with a comment, or accepts it (with an optional comment). */
export async function reviewPracticeRecord(
  tx: Tx,
  input: { itemId: string; version: number; accept: boolean; comment: string | null },
  viewer: Reviewer,
  by: By,
) {
  await tx.$queryRaw`SELECT 1 FROM "PracticeItem" WHERE "id" = ${input.itemId} FOR UPDATE`;
  const item = await tx.practiceItem.findFirst({
    where: { AND: [{ id: input.itemId }, reviewableWhere(viewer)] },
    include: { user: { select: { name: true } } },
  });
  if (!item) throw new NotFoundError("材料不存在，或不属于您负责的科室");
  const name = input.accept ? "accept" : "return";
  PRACTICE_MACHINE.assert(name, item.status, "head");
  if (item.version !== input.version) throw new ActionError(STALE_RECORD);
  if (!input.accept && !input.comment) throw new FieldError("comment", "请填写退回意见");
  const transition = PRACTICE_MACHINE.transitions[name];
  await tx.practiceItem.update({
    where: { id: item.id },
    data: { status: transition.to, reviewComment: input.comment, reviewedAt: by.now ?? new Date(), reviewedById: by.actor.id, version: { increment: 1 } },
  });
  const slot = slotOf(item.kind, item.period)!;
  const what = `${item.year}年${slot.label}`;
  await writeAudit(
    {
      actor: by.actor,
      action: transition.audit,
      entityType: "PracticeItem",
      entityId: item.id,
      summary: `${item.user.name}：${what}“${item.title}”${input.comment ? `，意见：${input.comment}` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUsers(tx, [item.userId], {
    kind: input.accept ? "practice.reviewed" : "practice.returned",
    title: input.accept ? `您的${what}已认可` : `您的${what}被退回`,
    body: input.comment,
    link: practiceLink(item),
  });
}

/** The admin names a section's head (an active cadre of that section), or clears it. */
export async function setSectionHeadRecord(tx: Tx, input: { sectionId: string; headId: string | null }, by: By) {
  const section = await tx.unit.findFirst({ where: { id: input.sectionId, type: "SECTION" } });
  if (!section) throw new NotFoundError("科室不存在");
  if (input.headId) {
    const head = await tx.user.findFirst({ where: { id: input.headId, unitId: section.id, active: true, roles: { has: "COUNTY_STAFF" } } });
    if (!head) throw new FieldError("headId", "科室负责人须是本科室在岗的组工干部");
  }
  await tx.unit.update({ where: { id: section.id }, data: { headId: input.headId, version: { increment: 1 } } });
  await writeAudit(
    {
      actor: by.actor,
      action: "unit.section_head",
      entityType: "Unit",
      entityId: section.id,
      summary: `${section.name}：${input.headId ? "设置" : "清除"}科室负责人`,
      ip: by.ip,
    },
    tx,
  );
}
