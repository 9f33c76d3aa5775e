// 现场会 / 经验交流会 / 理论研讨会 (seed 003 "采取现场会、经验交流会、理论研讨会等多种形式"): staff plan an event and
// invite units; the units confirm who attends and send 交流材料 or 论文; staff select materials for the 汇编, record
// the minutes and archive. Every function takes the transaction and writes its audit line in it.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, NotFoundError, STALE_RECORD } from "@/lib/actions/errors";
import { notifyUnits, notifyUsers } from "@/lib/notifications/service";
import { fileStore } from "@/lib/storage";
import { checkFileContent, cleanFileName } from "@/lib/projects/attachments";
import { endOfBusinessDay, formatDate, formatDateTime, startOfBusinessDay } from "@/lib/time";
import { EVENT_MACHINE, SUBMISSION_MACHINE } from "@/lib/events/states";
import { confirmProblem, EVENT_KIND_LABELS, INVITABLE_UNIT_TYPES, MATERIAL_LABELS, SHOWABLE_STATES, submissionProblem } from "@/lib/events/rules";
import type { ConfirmInput, EventFields, EventVersionInput, MinutesInput, SelectInput, SubmissionInput, UpdateEventInput } from "@/lib/events/schemas";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
/** A unit user acting for their own unit: the unit comes from the session, never from the form. */
type UnitBy = By & { unitId: string };

export const MAX_SUBMISSION_FILES = 10;

const link = (id: string) => `/events/${id}`;
const nowOf = (by: By) => by.now ?? new Date();

/** The host, the site project, the projects shown and the invited units: all checked in three queries. */
async function checkReferences(tx: Tx, input: EventFields, existing: { projectIds: string[]; unitIds: string[] } | null) {
  const projectIds = [...new Set([...(input.siteProjectId ? [input.siteProjectId] : []), ...input.projectIds])];
  const [host, projects, units] = await Promise.all([
    tx.unit.findFirst({ where: { id: input.hostUnitId, active: true }, select: { id: true } }),
    tx.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, state: true } }),
    tx.unit.findMany({ where: { id: { in: input.unitIds }, type: { in: INVITABLE_UNIT_TYPES } }, select: { id: true, active: true, name: true } }),
  ]);
  if (!host) throw new FieldError("hostUnitId", "请选择承办单位");
  for (const id of projectIds) {
    const project = projects.find((p) => p.id === id);
    const kept = existing?.projectIds.includes(id);
    const field = id === input.siteProjectId ? "siteProjectId" : "projectIds";
    if (!project) throw new FieldError(field, "所选项目不存在");
    if (!kept && !SHOWABLE_STATES.includes(project.state)) throw new FieldError(field, "只能展示已立项、实施中或已结项的项目");
  }
  for (const id of input.unitIds) {
    const unit = units.find((u) => u.id === id);
    if (!unit || (!unit.active && !existing?.unitIds.includes(id))) throw new FieldError("unitIds", "只能邀请在用的乡镇和县直单位");
  }
  return projectIds;
}

/** One event of a title a day: a second is the same event entered twice (a double click, two tabs). */
async function checkDuplicate(tx: Tx, input: EventFields, selfId: string | null) {
  const day = formatDate(input.startsAt);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`event:${day}:${input.title}`}))`;
  const same = await tx.event.findFirst({
    where: { title: input.title, startsAt: { gte: startOfBusinessDay(day)!, lt: endOfBusinessDay(day)! }, ...(selfId ? { id: { not: selfId } } : {}) },
    select: { id: true },
  });
  if (same) throw new FieldError("title", `${day} 已有同名活动，请在列表中打开该活动修改`);
}

function inviteTitle(event: { kind: keyof typeof EVENT_KIND_LABELS; title: string; startsAt: Date }) {
  return `邀请参加${EVENT_KIND_LABELS[event.kind]}：${event.title}（${formatDateTime(event.startsAt)}）`;
}

async function notifyInvited(
  tx: Tx,
  event: { id: string; kind: keyof typeof EVENT_KIND_LABELS; title: string; startsAt: Date; submissionDeadline: Date | null; place: string },
  unitIds: string[],
) {
  const material = MATERIAL_LABELS[event.kind];
  await notifyUnits(tx, [...new Set(unitIds)], {
    kind: "event.invited",
    title: inviteTitle(event),
    body: `地点：${event.place}。请确认参会人员${material && event.submissionDeadline ? `，并于 ${formatDateTime(event.submissionDeadline)} 前报送${material}` : ""}。`,
    link: link(event.id),
  });
}

export async function createEventRecord(tx: Tx, input: EventFields, by: By) {
  await checkDuplicate(tx, input, null);
  const projectIds = await checkReferences(tx, input, null);
  const event = await tx.event.create({
    data: {
      kind: input.kind,
      title: input.title,
      startsAt: input.startsAt,
      place: input.place,
      siteProjectId: input.siteProjectId,
      hostUnitId: input.hostUnitId,
      agenda: input.agenda,
      submissionDeadline: input.submissionDeadline,
      noticeNumber: input.noticeNumber,
      createdById: by.actor.id,
      createdAt: by.now,
      projects: { create: projectIds.map((projectId, sortOrder) => ({ projectId, sortOrder })) },
      invitations: { create: input.unitIds.map((unitId) => ({ unitId })) },
    },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "event.create",
      entityType: "Event",
      entityId: event.id,
      summary: `${EVENT_KIND_LABELS[input.kind]}：${input.title}`,
      ip: by.ip,
    },
    tx,
  );
  return event;
}

export async function updateEventRecord(tx: Tx, input: UpdateEventInput, by: By) {
  const current = await tx.event.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      state: true,
      version: true,
      projects: { select: { projectId: true } },
      invitations: { select: { unitId: true } },
      submissions: { select: { unitId: true, unit: { select: { name: true } } } },
    },
  });
  if (!current) throw new NotFoundError("活动不存在");
  EVENT_MACHINE.assert("edit", current.state, "staff");
  if (current.version !== input.version) throw new ActionError(STALE_RECORD);
  await checkDuplicate(tx, input, current.id);
  const existing = { projectIds: current.projects.map((p) => p.projectId), unitIds: current.invitations.map((i) => i.unitId) };
  const projectIds = await checkReferences(tx, input, existing);
  const wrote = current.submissions.find((s) => !input.unitIds.includes(s.unitId));
  if (wrote) throw new FieldError("unitIds", `${wrote.unit.name}已填写材料，不能取消邀请`);
  const { count } = await tx.event.updateMany({
    where: { id: current.id, version: input.version },
    data: {
      kind: input.kind,
      title: input.title,
      startsAt: input.startsAt,
      place: input.place,
      siteProjectId: input.siteProjectId,
      hostUnitId: input.hostUnitId,
      agenda: input.agenda,
      submissionDeadline: input.submissionDeadline,
      noticeNumber: input.noticeNumber,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await tx.eventProject.deleteMany({ where: { eventId: current.id } });
  await tx.eventProject.createMany({ data: projectIds.map((projectId, sortOrder) => ({ eventId: current.id, projectId, sortOrder })) });
  const added = input.unitIds.filter((id) => !existing.unitIds.includes(id));
  await tx.eventInvitation.deleteMany({ where: { eventId: current.id, unitId: { notIn: input.unitIds } } });
  await tx.eventInvitation.createMany({ data: added.map((unitId) => ({ eventId: current.id, unitId })) });
  await writeAudit(
    {
      actor: by.actor,
      action: "event.update",
      entityType: "Event",
      entityId: current.id,
      summary: `${EVENT_KIND_LABELS[input.kind]}：${input.title}`,
      ip: by.ip,
    },
    tx,
  );
  // Units invited after the notice went out are told now; those told before are not told again.
  if (current.state === "NOTIFIED") await notifyInvited(tx, { ...input, id: current.id }, added);
  return { id: current.id, version: input.version + 1 };
}

export async function publishEventRecord(tx: Tx, input: EventVersionInput, by: By) {
  const event = await tx.event.findUnique({ where: { id: input.id }, include: { invitations: { select: { unitId: true } } } });
  if (!event) throw new NotFoundError("活动不存在");
  EVENT_MACHINE.assert("publish", event.state, "staff");
  if (event.startsAt < nowOf(by)) throw new ActionError("召开时间已过，请先修改召开时间再印发通知");
  const { count } = await tx.event.updateMany({
    where: { id: event.id, version: input.version, state: "PLANNING" },
    data: { state: "NOTIFIED", notifiedAt: nowOf(by), version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor: by.actor, action: "event.publish", entityType: "Event", entityId: event.id, summary: event.title, ip: by.ip }, tx);
  await notifyInvited(
    tx,
    event,
    event.invitations.map((i) => i.unitId),
  );
}

export async function confirmAttendanceRecord(tx: Tx, input: ConfirmInput, by: UnitBy) {
  // Scoped in the query: only the caller's own invitation to an event whose notice is out.
  const invitation = await tx.eventInvitation.findFirst({
    where: { eventId: input.eventId, unitId: by.unitId, event: { state: { not: "PLANNING" } } },
    include: { event: { select: { id: true, title: true, state: true, startsAt: true, createdById: true } }, unit: { select: { name: true } } },
  });
  if (!invitation) throw new NotFoundError("活动不存在");
  EVENT_MACHINE.assert("confirm", invitation.event.state, "unit");
  const problem = confirmProblem(invitation.event, nowOf(by));
  if (problem) throw new ActionError(problem);
  const { count } = await tx.eventInvitation.updateMany({
    where: { id: invitation.id, version: input.version },
    data: { attendees: input.attendees, confirmedAt: nowOf(by), confirmedById: by.actor.id, version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: "event.confirm",
      entityType: "Event",
      entityId: invitation.eventId,
      summary: `${invitation.unit.name}：${input.attendees}`,
      ip: by.ip,
    },
    tx,
  );
  return { version: input.version + 1 };
}

/** Saves (and with intent "submit", submits) the caller's unit's material; the first save makes it. */
export async function saveSubmissionRecord(tx: Tx, input: SubmissionInput, by: UnitBy) {
  const invitation = await tx.eventInvitation.findFirst({
    where: { eventId: input.eventId, unitId: by.unitId, event: { state: { not: "PLANNING" } } },
    include: {
      event: { select: { id: true, title: true, kind: true, state: true, submissionDeadline: true, createdById: true } },
      unit: { select: { name: true } },
    },
  });
  if (!invitation) throw new NotFoundError("活动不存在");
  const problem = submissionProblem(invitation.event, nowOf(by));
  if (problem) throw new ActionError(problem);
  // The invitation's row lock makes two saves of one unit wait for each other: one material per unit.
  await tx.$queryRaw`SELECT 1 FROM "EventInvitation" WHERE "id" = ${invitation.id} FOR UPDATE`;
  const existing = await tx.eventSubmission.findUnique({ where: { eventId_unitId: { eventId: input.eventId, unitId: by.unitId } } });
  const material = MATERIAL_LABELS[invitation.event.kind]!;
  const submit = input.intent === "submit";
  if (existing) {
    SUBMISSION_MACHINE.assert(submit ? "submit" : "save", existing.state, "unit");
    if (input.version == null || existing.version !== input.version) throw new ActionError(STALE_RECORD);
  }
  const fields = { title: input.title, author: input.author, body: input.body, ...(submit ? { state: "SUBMITTED" as const, submittedAt: nowOf(by) } : {}) };
  let submission: { id: string; version: number };
  if (existing) {
    const { count } = await tx.eventSubmission.updateMany({
      where: { id: existing.id, version: existing.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError(STALE_RECORD);
    submission = { id: existing.id, version: existing.version + 1 };
  } else {
    const created = await tx.eventSubmission.create({
      data: { ...fields, eventId: input.eventId, unitId: by.unitId, createdById: by.actor.id, createdAt: by.now },
    });
    submission = { id: created.id, version: created.version };
  }
  await writeAudit(
    {
      actor: by.actor,
      action: submit ? "event_submission.submit" : "event_submission.save",
      entityType: "EventSubmission",
      entityId: submission.id,
      summary: `${invitation.unit.name}：${input.title}`,
      ip: by.ip,
    },
    tx,
  );
  if (submit) {
    await notifyUsers(tx, [invitation.event.createdById], {
      kind: "event.submitted",
      title: `${invitation.unit.name}提交了${material}：${input.title}`,
      body: invitation.event.title,
      link: link(invitation.event.id),
    });
  }
  return submission;
}

/** Staff put a submitted material into the compilation, or leave it out (and may change their mind until archived). */
export async function selectSubmissionRecord(tx: Tx, input: SelectInput, by: By) {
  const submission = await tx.eventSubmission.findUnique({
    where: { id: input.id },
    include: { event: { select: { id: true, title: true, kind: true, state: true } }, unit: { select: { id: true, name: true } } },
  });
  if (!submission) throw new NotFoundError("材料不存在");
  EVENT_MACHINE.assert("select", submission.event.state, "staff");
  SUBMISSION_MACHINE.assert(input.decision, submission.state, "staff");
  const to = input.decision === "select" ? "SELECTED" : "NOT_SELECTED";
  const { count } = await tx.eventSubmission.updateMany({
    where: { id: submission.id, version: input.version },
    data: { state: to, decidedAt: nowOf(by), version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: input.decision === "select" ? "event_submission.select" : "event_submission.reject",
      entityType: "EventSubmission",
      entityId: submission.id,
      summary: `${submission.unit.name}：${submission.title}`,
      ip: by.ip,
    },
    tx,
  );
  if (to === "SELECTED") {
    await notifyUnits(tx, [submission.unit.id], {
      kind: "event.selected",
      title: `${MATERIAL_LABELS[submission.event.kind]}“${submission.title}”已选入汇编`,
      body: submission.event.title,
      link: link(submission.event.id),
    });
  }
  return { version: input.version + 1 };
}

/** After the event: its minutes and follow-ups; the first record moves it to 已召开 and tells the invited units. */
export async function recordMinutesRecord(tx: Tx, input: MinutesInput, by: By) {
  const event = await tx.event.findUnique({ where: { id: input.id }, include: { invitations: { select: { unitId: true } } } });
  if (!event) throw new NotFoundError("活动不存在");
  EVENT_MACHINE.assert("record", event.state, "staff");
  if (event.startsAt > nowOf(by)) throw new ActionError("活动尚未召开，不能记录纪要");
  const first = event.state === "NOTIFIED";
  const { count } = await tx.event.updateMany({
    where: { id: event.id, version: input.version },
    data: { state: "HELD", minutes: input.minutes, followUps: input.followUps, heldAt: event.heldAt ?? nowOf(by), version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor: by.actor, action: "event.minutes", entityType: "Event", entityId: event.id, summary: event.title, ip: by.ip }, tx);
  if (first) {
    await notifyUnits(
      tx,
      event.invitations.map((i) => i.unitId),
      { kind: "event.minutes", title: `${event.title}纪要已印发`, body: input.followUps, link: link(event.id) },
    );
  }
  return { version: input.version + 1 };
}

export async function archiveEventRecord(tx: Tx, input: EventVersionInput, by: By) {
  const event = await tx.event.findUnique({ where: { id: input.id }, select: { id: true, title: true, state: true } });
  if (!event) throw new NotFoundError("活动不存在");
  EVENT_MACHINE.assert("archive", event.state, "staff");
  const { count } = await tx.event.updateMany({
    where: { id: event.id, version: input.version, state: "HELD" },
    data: { state: "ARCHIVED", archivedAt: nowOf(by), version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor: by.actor, action: "event.archive", entityType: "Event", entityId: event.id, summary: event.title, ip: by.ip }, tx);
}

/** A file of the caller's unit's own draft material, before the deadline; the content decides the type. */
export async function addEventAttachmentRecord(tx: Tx, input: { submissionId: string; name: string; content: Buffer }, by: UnitBy) {
  const submission = await tx.eventSubmission.findFirst({
    where: { id: input.submissionId, unitId: by.unitId },
    include: { event: { select: { kind: true, state: true, submissionDeadline: true } }, _count: { select: { attachments: true } } },
  });
  if (!submission) throw new NotFoundError("材料不存在");
  SUBMISSION_MACHINE.assert("save", submission.state, "unit");
  const problem = submissionProblem(submission.event, nowOf(by));
  if (problem) throw new ActionError(problem);
  if (submission._count.attachments >= MAX_SUBMISSION_FILES) throw new ActionError(`附件不能超过 ${MAX_SUBMISSION_FILES} 个`);
  const checked = await checkFileContent(input.name, input.content);
  if ("problem" in checked) throw new ActionError(checked.problem);
  const storageKey = `events/${submission.id}/${crypto.randomUUID()}`;
  const attachment = await tx.eventAttachment.create({
    data: {
      submissionId: submission.id,
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
    { actor: by.actor, action: "event_submission.attach", entityType: "EventSubmission", entityId: submission.id, summary: attachment.fileName, ip: by.ip },
    tx,
  );
  return attachment;
}

export async function removeEventAttachmentRecord(tx: Tx, id: string, by: UnitBy) {
  const attachment = await tx.eventAttachment.findFirst({
    where: { id, submission: { unitId: by.unitId } },
    include: { submission: { select: { id: true, state: true } } },
  });
  if (!attachment) throw new NotFoundError("附件不存在");
  SUBMISSION_MACHINE.assert("save", attachment.submission.state, "unit");
  await tx.eventAttachment.delete({ where: { id } });
  await writeAudit(
    {
      actor: by.actor,
      action: "event_submission.detach",
      entityType: "EventSubmission",
      entityId: attachment.submission.id,
      summary: attachment.fileName,
      ip: by.ip,
    },
    tx,
  );
  return attachment.storageKey;
}
