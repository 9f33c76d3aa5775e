// Promotion (推广): the admin's marks 品牌 / 精品 / 示范 and units' records of adopting a practice (借鉴推广).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyUnits } from "@/lib/notifications/service";
import { formatDate } from "@/lib/time";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { MARK_LABELS, MARKABLE_STATES } from "@/lib/promotion/labels";
import { inLibrary } from "@/lib/promotion/library";
import { ADOPTABLE_EVENT_STATES } from "@/lib/events/rules";
import type { AdoptionInput, MarkInput, RevokeMarkInput, UpdateAdoptionInput } from "@/lib/promotion/schemas";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
/** A unit user acting for their own unit: the unit comes from the session, never from the form. */
type UnitBy = By & { unitId: string };

/** Dates of decisions and adoptions are days that have happened: tomorrow is a typo. */
function notAfterToday(date: Date, now: Date, field: string, label: string) {
  if (formatDate(date) > formatDate(now)) throw new FieldError(field, `${label}不能晚于今天`);
}

export async function markProjectRecord(tx: Tx, input: MarkInput, by: By) {
  // The row lock makes two clicks (or two admins) wait for each other, so the duplicate check below holds.
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE "id" = ${input.projectId} FOR UPDATE`;
  const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { id: true, title: true, state: true, unitId: true } });
  if (!project) throw new NotFoundError("项目不存在");
  if (!MARKABLE_STATES.includes(project.state))
    throw new ActionError(`“${STATE_LABELS[project.state]}”的项目不能认定，只有已立项、实施中或已结项的项目可以认定`);
  notAfterToday(input.decidedOn, by.now ?? new Date(), "decidedOn", "认定日期");
  const label = MARK_LABELS[input.mark];
  const active = await tx.projectMark.findFirst({ where: { projectId: project.id, mark: input.mark, revokedAt: null } });
  if (active) throw new FieldError("mark", `该项目已被认定为${label}项目（${formatDate(active.decidedOn)}），不能重复认定`);
  const mark = await tx.projectMark.create({
    data: { projectId: project.id, mark: input.mark, decidedOn: input.decidedOn, reason: input.reason, byId: by.actor.id, createdAt: by.now },
  });
  await writeAudit(
    { actor: by.actor, action: "promotion.mark", entityType: "Project", entityId: project.id, summary: `${project.title}：${label}`, ip: by.ip },
    tx,
  );
  await notifyUnits(tx, [project.unitId], {
    kind: "promotion.mark",
    title: `“${project.title}”被认定为${label}项目`,
    body: input.reason,
    link: `/cases/${project.id}`,
  });
  return mark;
}

export async function revokeMarkRecord(tx: Tx, input: RevokeMarkInput, by: By) {
  const mark = await tx.projectMark.findUnique({ where: { id: input.id }, include: { project: { select: { id: true, title: true, unitId: true } } } });
  if (!mark) throw new NotFoundError("认定记录不存在");
  // Only the still-active row is touched, so a second revoke finds nothing and says so.
  const { count } = await tx.projectMark.updateMany({
    where: { id: mark.id, revokedAt: null },
    data: { revokedAt: by.now ?? new Date(), revokeReason: input.revokeReason },
  });
  if (count === 0) throw new ActionError("该认定已撤销");
  const label = MARK_LABELS[mark.mark];
  await writeAudit(
    {
      actor: by.actor,
      action: "promotion.revoke",
      entityType: "Project",
      entityId: mark.projectId,
      summary: `${mark.project.title}：${label}（${input.revokeReason}）`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUnits(tx, [mark.project.unitId], {
    kind: "promotion.mark",
    title: `“${mark.project.title}”的${label}项目认定已撤销`,
    body: input.revokeReason,
    link: `/projects/${mark.projectId}`,
  });
}

/** The event an adoption names: one the unit was invited to (or hosted) and that has been held, before the adoption. */
async function checkEvent(tx: Tx, input: AdoptionInput, unitId: string): Promise<string | null> {
  if (!input.eventId) return null;
  const event = await tx.event.findFirst({
    where: { id: input.eventId, state: { in: ADOPTABLE_EVENT_STATES }, OR: [{ invitations: { some: { unitId } } }, { hostUnitId: unitId }] },
    select: { id: true, startsAt: true },
  });
  if (!event) throw new FieldError("eventId", "只能选择本单位受邀参加、已召开的活动");
  if (formatDate(input.adoptedOn) < formatDate(event.startsAt)) throw new FieldError("adoptedOn", "借鉴时间不能早于该活动召开的日期");
  return event.id;
}

export async function createAdoptionRecord(tx: Tx, input: AdoptionInput, by: UnitBy) {
  notAfterToday(input.adoptedOn, by.now ?? new Date(), "adoptedOn", "借鉴时间");
  const eventId = await checkEvent(tx, input, by.unitId);
  const fields = { adoptedOn: input.adoptedOn, how: input.how, result: input.result, eventId };
  if (!input.sourceProjectId) {
    const adoption = await tx.adoption.create({
      data: { ...fields, unitId: by.unitId, sourceName: input.sourceName, sourcePlace: input.sourcePlace, createdById: by.actor.id, createdAt: by.now },
    });
    await writeAudit(
      {
        actor: by.actor,
        action: "adoption.create",
        entityType: "Adoption",
        entityId: adoption.id,
        summary: `${input.sourcePlace}：${input.sourceName}`,
        ip: by.ip,
      },
      tx,
    );
    return adoption;
  }
  const source = await tx.project.findFirst({ where: { AND: [{ id: input.sourceProjectId }, inLibrary] }, select: { id: true, title: true, unitId: true } });
  if (!source) throw new ActionError("只能借鉴案例库中的项目");
  if (source.unitId === by.unitId) throw new ActionError("这是本单位的项目，不能记录为借鉴");
  const adoption = await tx.adoption.create({
    data: { ...fields, unitId: by.unitId, sourceProjectId: source.id, createdById: by.actor.id, createdAt: by.now },
  });
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: by.unitId }, select: { name: true } });
  await writeAudit(
    { actor: by.actor, action: "adoption.create", entityType: "Adoption", entityId: adoption.id, summary: `${unit.name}借鉴“${source.title}”`, ip: by.ip },
    tx,
  );
  await notifyUnits(tx, [source.unitId], { kind: "adoption", title: `${unit.name}借鉴了“${source.title}”`, body: input.result, link: `/cases/${source.id}` });
  return adoption;
}

export async function updateAdoptionRecord(tx: Tx, input: UpdateAdoptionInput, by: UnitBy) {
  const current = await tx.adoption.findUnique({ where: { id: input.id } });
  // Another unit's record is as good as absent: nothing to tell about it.
  if (!current || current.unitId !== by.unitId) throw new NotFoundError("借鉴记录不存在");
  notAfterToday(input.adoptedOn, by.now ?? new Date(), "adoptedOn", "借鉴时间");
  const outside = !current.sourceProjectId;
  if (outside && !input.sourceName) throw new FieldError("sourceName", "请填写做法名称");
  if (outside && !input.sourcePlace) throw new FieldError("sourcePlace", "请填写来源地");
  const { count } = await tx.adoption.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      adoptedOn: input.adoptedOn,
      how: input.how,
      result: input.result,
      ...(outside ? { sourceName: input.sourceName, sourcePlace: input.sourcePlace } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: "adoption.update",
      entityType: "Adoption",
      entityId: current.id,
      summary: current.sourceName ?? current.sourceProjectId ?? undefined,
      ip: by.ip,
    },
    tx,
  );
}
