// 乡镇组织委员例会 (seed 001 "乡镇组织委员例会制度"): the monthly meeting where townships share practices.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyUnits } from "@/lib/notifications/service";
import { formatDate, startOfBusinessDay } from "@/lib/time";
import { SHAREABLE_STATES, shareableYears } from "@/lib/township-meetings/rules";
import type { MeetingFields } from "@/lib/township-meetings/schemas";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type Existing = { id: string; shares: { unitId: string; projectId: string | null }[] };

const link = (id: string) => `/township-meetings/${id}`;

/**
 * One meeting per day: it is held once a month, so a second record of the same day is the same meeting
 * entered twice (a double click, two tabs, two colleagues). The advisory lock makes the check hold under
 * concurrent submits without a unique index.
 */
async function checkDate(tx: Tx, heldOn: Date, now: Date, selfId: string | null) {
  const day = formatDate(heldOn);
  if (heldOn > startOfBusinessDay(formatDate(now))!) throw new FieldError("heldOn", "例会日期不能晚于今天");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`township-meeting:${day}`}))`;
  const same = await tx.townshipMeeting.findFirst({ where: { heldOn, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
  if (same) throw new FieldError("heldOn", `${day} 的例会已有记录，请在列表中打开该次例会修改`);
}

/** Townships and linked projects, checked in two queries; what the record already had stays allowed. */
async function checkShares(tx: Tx, input: MeetingFields, existing: Existing | null) {
  const unitIds = [...new Set(input.shares.map((share) => share.unitId))];
  const projectIds = [...new Set(input.shares.flatMap((share) => (share.projectId ? [share.projectId] : [])))];
  const [units, projects] = await Promise.all([
    tx.unit.findMany({ where: { id: { in: unitIds }, type: "TOWNSHIP" }, select: { id: true, active: true } }),
    tx.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, unitId: true, state: true, year: { select: { year: true } } } }),
  ]);
  const years = shareableYears(Number(formatDate(input.heldOn).slice(0, 4)));
  input.shares.forEach((share, index) => {
    const kept = existing?.shares.some((old) => old.unitId === share.unitId && (share.projectId === null || old.projectId === share.projectId));
    const unit = units.find((u) => u.id === share.unitId);
    if (!unit || (!unit.active && !kept)) throw new FieldError(`shares.${index}.unitId`, "请选择乡镇");
    if (!share.projectId || kept) return;
    const project = projects.find((p) => p.id === share.projectId);
    const field = `shares.${index}.projectId`;
    if (!project || project.unitId !== share.unitId) throw new FieldError(field, "该项目不是所选乡镇的项目");
    if (!SHAREABLE_STATES.includes(project.state)) throw new FieldError(field, "只能关联已立项、实施中或已结项的项目");
    if (!years.includes(project.year.year)) throw new FieldError(field, `只能关联 ${years.at(-1)}—${years[0]} 年度的项目`);
  });
}

function shareRows(input: MeetingFields) {
  return input.shares.map((share, index) => ({ unitId: share.unitId, practice: share.practice, projectId: share.projectId, sortOrder: index }));
}

async function notifySharers(tx: Tx, meetingId: string, heldOn: Date, unitIds: string[]) {
  await notifyUnits(tx, [...new Set(unitIds)], {
    kind: "township_meeting",
    title: `${formatDate(heldOn)} 组织委员例会已记录本乡镇交流的做法`,
    body: "可在例会纪要中查看各乡镇交流的做法和会上提出的问题。",
    link: link(meetingId),
  });
}

export async function createMeetingRecord(tx: Tx, input: MeetingFields, by: By) {
  await checkDate(tx, input.heldOn, by.now ?? new Date(), null);
  await checkShares(tx, input, null);
  const { shares: _shares, ...fields } = input;
  const meeting = await tx.townshipMeeting.create({ data: { ...fields, createdById: by.actor.id, createdAt: by.now, shares: { create: shareRows(input) } } });
  await writeAudit(
    {
      actor: by.actor,
      action: "township_meeting.create",
      entityType: "TownshipMeeting",
      entityId: meeting.id,
      summary: `${formatDate(input.heldOn)} ${input.place}`,
      ip: by.ip,
    },
    tx,
  );
  await notifySharers(
    tx,
    meeting.id,
    input.heldOn,
    input.shares.map((share) => share.unitId),
  );
  return meeting;
}

export async function updateMeetingRecord(tx: Tx, input: MeetingFields & { id: string; version: number }, by: By) {
  const current = await tx.townshipMeeting.findUnique({
    where: { id: input.id },
    select: { id: true, version: true, shares: { select: { unitId: true, projectId: true } } },
  });
  if (!current) throw new NotFoundError("例会记录不存在");
  if (current.version !== input.version) throw new ActionError(STALE_RECORD);
  await checkDate(tx, input.heldOn, by.now ?? new Date(), current.id);
  await checkShares(tx, input, current);
  const { shares: _shares, id, version, ...fields } = input;
  const updated = await tx.townshipMeeting.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await tx.meetingShare.deleteMany({ where: { meetingId: id } });
  await tx.meetingShare.createMany({ data: shareRows(input).map((row) => ({ ...row, meetingId: id })) });
  await writeAudit(
    {
      actor: by.actor,
      action: "township_meeting.update",
      entityType: "TownshipMeeting",
      entityId: id,
      summary: `${formatDate(input.heldOn)} ${input.place}`,
      ip: by.ip,
    },
    tx,
  );
  // Townships added by the edit learn of it; those already told are not told again.
  const told = new Set(current.shares.map((share) => share.unitId));
  await notifySharers(
    tx,
    id,
    input.heldOn,
    input.shares.map((share) => share.unitId).filter((unitId) => !told.has(unitId)),
  );
  return { id, version: version + 1 };
}
