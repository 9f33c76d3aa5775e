// 季度督查: the team, the projects inspected, the report written section by section, publishing, and 整改.
import "server-only";
import { INSPECTION_MACHINE, inspectionState, RECTIFICATION_MACHINE } from "@/lib/inspections/states";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyUnits, notifyUsers } from "@/lib/notifications/service";
import { laggingMilestones, quarterEnd, type Quarter } from "@/lib/reports/quarters";
import { FINDING_LABELS } from "@/lib/inspections/labels";
import type { Finding } from "@/lib/generated/prisma/enums";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

export async function createInspectionRecord(tx: Tx, input: { year: number; quarter: number; theme: string; memberIds: string[] }, by: By) {
  const staff = await tx.user.count({ where: { id: { in: input.memberIds }, active: true, roles: { hasSome: ["COUNTY_STAFF", "COUNTY_ADMIN"] } } });
  if (staff !== new Set(input.memberIds).size) throw new FieldError("memberIds", "督查组成员须是在岗的组工干部");
  const inspection = await tx.inspection.create({
    data: { year: input.year, quarter: input.quarter, theme: input.theme, members: { create: [...new Set(input.memberIds)].map((userId) => ({ userId })) } },
  });
  await writeAudit({ actor: by.actor, action: "inspection.create", entityType: "Inspection", entityId: inspection.id, summary: input.theme, ip: by.ip }, tx);
  await notifyUsers(tx, input.memberIds, { kind: "inspection", title: `您是“${input.theme}”督查组成员`, link: `/inspections/${inspection.id}` });
  return inspection;
}

/** Running projects lagging at the quarter's end: a milestone past its day and not reported done. */
export async function laggingProjectIds(tx: Tx, year: number, quarter: Quarter) {
  const end = quarterEnd(year, quarter);
  const projects = await tx.project.findMany({
    // Only projects with a milestone already due can be lagging; whether it was reported done is read from the report.
    where: { state: "IN_PROGRESS", milestones: { some: { dueDate: { lte: new Date(Math.min(Date.now(), end.getTime()) - 86_400_000) } } } },
    select: {
      id: true,
      milestones: { select: { id: true, dueDate: true } },
      reports: { where: { status: { not: "DRAFT" } }, orderBy: [{ year: "desc" }, { quarter: "desc" }], take: 1, select: { milestones: true } },
    },
  });
  const now = new Date(Math.min(Date.now(), end.getTime()));
  return projects
    .filter((p) => laggingMilestones(p.milestones, (p.reports[0]?.milestones as { milestoneId: string; done: boolean }[] | null) ?? null, now).length > 0)
    .map((p) => p.id);
}

async function draftInspection(tx: Tx, id: string, transition: "chooseProjects" | "write" | "publish") {
  const inspection = await tx.inspection.findUnique({ where: { id } });
  if (!inspection) throw new NotFoundError("督查不存在");
  INSPECTION_MACHINE.assert(transition, inspectionState(inspection), "member");
  return inspection;
}

async function requireMember(tx: Tx, inspectionId: string, userId: string, isAdmin: boolean) {
  if (isAdmin) return;
  const member = await tx.inspectionMember.findUnique({ where: { inspectionId_userId: { inspectionId, userId } } });
  if (!member) throw new ActionError("只有督查组成员可以撰写督查报告");
}

export async function addInspectionProjectsRecord(tx: Tx, input: { inspectionId: string; projectIds: string[]; allLagging: boolean }, by: By) {
  const inspection = await draftInspection(tx, input.inspectionId, "chooseProjects");
  const ids = new Set(input.projectIds);
  if (input.allLagging) for (const id of await laggingProjectIds(tx, inspection.year, inspection.quarter as Quarter)) ids.add(id);
  if (ids.size === 0) throw new FieldError("projectIds", "请选择要督查的项目");
  const valid = await tx.project.count({ where: { id: { in: [...ids] }, startedAt: { not: null } } });
  if (valid !== ids.size) throw new FieldError("projectIds", "只能督查已开始实施的项目");
  const { count } = await tx.inspectionItem.createMany({
    data: [...ids].map((projectId) => ({ inspectionId: inspection.id, projectId })),
    skipDuplicates: true,
  });
  await writeAudit(
    {
      actor: by.actor,
      action: INSPECTION_MACHINE.transitions.chooseProjects.audit,
      entityType: "Inspection",
      entityId: inspection.id,
      summary: `督查项目 ${count} 个`,
      ip: by.ip,
    },
    tx,
  );
  return { added: count };
}

export async function saveOverviewRecord(tx: Tx, input: { id: string; version: number; overview: string | null }, by: By & { isAdmin: boolean }) {
  await draftInspection(tx, input.id, "write");
  await requireMember(tx, input.id, by.actor.id, by.isAdmin);
  const updated = await tx.inspection.updateMany({
    where: { id: input.id, version: input.version },
    data: { overview: input.overview, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError("总体情况已被其他成员修改，请刷新后再改（您的内容请先复制留存）");
}

/** One project's section; members save sections independently, and a stale save of the same section is refused. */
export async function saveItemRecord(
  tx: Tx,
  input: { id: string; version: number; finding: Finding; problems: string | null; recommendations: string | null },
  by: By & { isAdmin: boolean },
) {
  const item = await tx.inspectionItem.findUnique({ where: { id: input.id } });
  if (!item) throw new NotFoundError("督查项目不存在");
  await draftInspection(tx, item.inspectionId, "write");
  await requireMember(tx, item.inspectionId, by.actor.id, by.isAdmin);
  const { id, version, ...fields } = input;
  const updated = await tx.inspectionItem.updateMany({ where: { id, version }, data: { ...fields, updatedByName: by.actor.name, version: { increment: 1 } } });
  if (updated.count === 0) throw new ActionError("该项目的督查意见已被其他成员修改，请刷新后再改（您的内容请先复制留存）");
}

export async function addRectificationRecord(tx: Tx, input: { itemId: string; content: string; dueAt: Date }, by: By & { isAdmin: boolean }) {
  const item = await tx.inspectionItem.findUnique({ where: { id: input.itemId }, include: { project: true } });
  if (!item) throw new NotFoundError("督查项目不存在");
  await draftInspection(tx, item.inspectionId, "write");
  await requireMember(tx, item.inspectionId, by.actor.id, by.isAdmin);
  return tx.rectificationItem.create({ data: { itemId: item.id, unitId: item.project.unitId, content: input.content, dueAt: input.dueAt } });
}

/** The admin publishes: leaders and the units concerned can read it, and each unit is told of its items. */
export async function publishInspectionRecord(tx: Tx, input: { id: string; version: number }, by: By) {
  const inspection = await draftInspection(tx, input.id, "publish");
  const items = await tx.inspectionItem.findMany({ where: { inspectionId: inspection.id }, include: { project: true, rectifications: true } });
  if (items.length === 0) throw new ActionError("督查报告还没有项目");
  const unfinished = items.filter((item) => !item.finding);
  if (unfinished.length > 0) throw new ActionError(`以下项目还没有督查结论：${unfinished.map((i) => i.project.title).join("、")}`);
  const updated = await tx.inspection.updateMany({
    where: { id: inspection.id, version: input.version },
    data: { publishedAt: by.now ?? new Date(), version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  for (const item of items) {
    await tx.projectEvent.create({
      data: {
        projectId: item.projectId,
        kind: "inspection",
        note: `${inspection.theme}：${FINDING_LABELS[item.finding!]}${item.problems ? `。${item.problems}` : ""}`,
        actorId: by.actor.id,
        actorName: by.actor.name,
        at: by.now,
      },
    });
    await notifyUnits(tx, [item.project.unitId], {
      kind: "inspection",
      title: `督查通报：“${item.project.title}”${FINDING_LABELS[item.finding!]}`,
      body: item.rectifications.length > 0 ? `有 ${item.rectifications.length} 项整改，请按期答复。` : null,
      link: `/inspections/${inspection.id}`,
    });
  }
  await writeAudit(
    {
      actor: by.actor,
      action: INSPECTION_MACHINE.transitions.publish.audit,
      entityType: "Inspection",
      entityId: inspection.id,
      summary: inspection.theme,
      ip: by.ip,
    },
    tx,
  );
}

/** The unit answers an item of its own; the team accepts it (销号) or reopens it with a reason. */
export async function answerRectificationRecord(tx: Tx, input: { id: string; version: number; answer: string }, unitId: string, by: By) {
  const item = await tx.rectificationItem.findFirst({ where: { id: input.id, unitId, item: { inspection: { publishedAt: { not: null } } } } });
  if (!item) throw new NotFoundError("整改事项不存在");
  RECTIFICATION_MACHINE.assert("answer", item.status, "unit");
  const updated = await tx.rectificationItem.updateMany({
    where: { id: item.id, version: input.version },
    data: { answer: input.answer, answeredAt: by.now ?? new Date(), status: RECTIFICATION_MACHINE.transitions.answer.to, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: RECTIFICATION_MACHINE.transitions.answer.audit,
      entityType: "RectificationItem",
      entityId: item.id,
      summary: item.content.slice(0, 60),
      ip: by.ip,
    },
    tx,
  );
}

export async function reviewRectificationRecord(
  tx: Tx,
  input: { id: string; version: number; accept: boolean; review: string | null },
  by: By & { isAdmin: boolean },
) {
  const item = await tx.rectificationItem.findUnique({ where: { id: input.id }, include: { item: true } });
  if (!item) throw new NotFoundError("整改事项不存在");
  await requireMember(tx, item.item.inspectionId, by.actor.id, by.isAdmin);
  const transition = RECTIFICATION_MACHINE.transitions[input.accept ? "accept" : "reopen"];
  RECTIFICATION_MACHINE.assert(input.accept ? "accept" : "reopen", item.status, "member");
  if (!input.accept && !input.review) throw new FieldError("review", "请写明重新整改的理由");
  const updated = await tx.rectificationItem.updateMany({
    where: { id: item.id, version: input.version },
    data: { status: transition.to, review: input.review, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: transition.audit,
      entityType: "RectificationItem",
      entityId: item.id,
      summary: item.content.slice(0, 60),
      ip: by.ip,
    },
    tx,
  );
  await notifyUnits(tx, [item.unitId], {
    kind: "inspection",
    title: input.accept ? "整改事项已销号" : "整改事项需重新整改",
    body: input.review ?? item.content,
    link: `/inspections/${item.item.inspectionId}`,
  });
}
