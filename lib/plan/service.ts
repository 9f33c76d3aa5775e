// The year's work plan: the admin writes its theme and its tree of items, copies last year's, publishes it; topics
// and projects are placed under its programmes (items of a kind marked 可归入项目). Every write takes the plan's row
// lock, so two admins' tree edits are serialised and a double click adds one item.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, NotFoundError, STALE_RECORD } from "@/lib/actions/errors";
import { PLAN_MACHINE } from "@/lib/plan/states";
import { copyItems, moveAmong, nextSortOrder, removalProblem } from "@/lib/plan/rules";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type ItemFields = { kindId: string; title: string; goals: string | null; sectionId: string | null };

async function lockPlan(tx: Tx, planId: string) {
  const [plan] = await tx.$queryRaw<{ id: string; yearId: string; status: "DRAFT" | "PUBLISHED"; version: number }[]>`
    SELECT "id", "yearId", "status"::text AS status, "version" FROM "WorkPlan" WHERE "id" = ${planId} FOR UPDATE`;
  if (!plan) throw new NotFoundError("工作要点不存在");
  PLAN_MACHINE.assert("edit", plan.status, "admin");
  return plan;
}

async function lockYear(tx: Tx, yearId: string) {
  const [year] = await tx.$queryRaw<{ id: string; year: number }[]>`SELECT "id", "year" FROM "Year" WHERE "id" = ${yearId} FOR UPDATE`;
  if (!year) throw new NotFoundError("年度不存在");
  if (await tx.workPlan.findUnique({ where: { yearId }, select: { id: true } })) throw new ActionError(`${year.year} 年度已有工作要点`);
  return year;
}

export async function createPlanRecord(tx: Tx, input: { yearId: string; theme: string; preamble: string | null }, by: By) {
  const year = await lockYear(tx, input.yearId);
  const plan = await tx.workPlan.create({ data: { yearId: year.id, theme: input.theme, preamble: input.preamble } });
  await writeAudit(
    { actor: by.actor, action: "plan.create", entityType: "WorkPlan", entityId: plan.id, summary: `${year.year}：${plan.theme}`, ip: by.ip },
    tx,
  );
  return plan;
}

/** A new year's plan from the latest earlier year's: theme, preamble and the whole tree (a draft; no placements). */
export async function copyPlanRecord(tx: Tx, input: { yearId: string }, by: By) {
  const year = await lockYear(tx, input.yearId);
  const source = await tx.workPlan.findFirst({
    where: { year: { year: { lt: year.year } } },
    orderBy: { year: { year: "desc" } },
    include: {
      year: { select: { year: true } },
      items: { select: { id: true, parentId: true, sortOrder: true, kindId: true, title: true, goals: true, sectionId: true } },
    },
  });
  if (!source) throw new ActionError(`${year.year} 年度以前没有工作要点可复制，请新建`);
  const plan = await tx.workPlan.create({ data: { yearId: year.id, theme: source.theme, preamble: source.preamble, copiedFromId: source.id } });
  const copies = copyItems(source.items, () => randomUUID());
  // Parents first (copyItems' order), so each row's parent exists when it is written.
  for (const item of copies) {
    await tx.planItem.create({
      data: {
        id: item.id,
        planId: plan.id,
        parentId: item.parentId,
        kindId: item.kindId,
        title: item.title,
        goals: item.goals,
        sectionId: item.sectionId,
        sortOrder: item.sortOrder,
      },
    });
  }
  await writeAudit(
    {
      actor: by.actor,
      action: "plan.copy",
      entityType: "WorkPlan",
      entityId: plan.id,
      summary: `${source.year.year} → ${year.year}：${copies.length} 个条目`,
      ip: by.ip,
    },
    tx,
  );
  return plan;
}

export async function updatePlanRecord(tx: Tx, input: { id: string; version: number; theme: string; preamble: string | null }, by: By) {
  const plan = await lockPlan(tx, input.id);
  if (plan.version !== input.version) throw new ActionError(STALE_RECORD);
  await tx.workPlan.update({ where: { id: plan.id }, data: { theme: input.theme, preamble: input.preamble, version: { increment: 1 } } });
  await writeAudit({ actor: by.actor, action: "plan.update", entityType: "WorkPlan", entityId: plan.id, summary: input.theme, ip: by.ip }, tx);
}

export async function transitionPlanRecord(tx: Tx, input: { id: string; version: number; transition: "publish" | "withdraw" }, by: By) {
  const plan = await lockPlan(tx, input.id);
  PLAN_MACHINE.assert(input.transition, plan.status, "admin");
  if (plan.version !== input.version) throw new ActionError(STALE_RECORD);
  if (input.transition === "publish" && (await tx.planItem.count({ where: { planId: plan.id } })) === 0) {
    throw new ActionError("工作要点还没有条目，请先添加条目再印发");
  }
  const to = PLAN_MACHINE.transitions[input.transition].to;
  await tx.workPlan.update({
    where: { id: plan.id },
    data: { status: to, publishedAt: to === "PUBLISHED" ? (by.now ?? new Date()) : null, version: { increment: 1 } },
  });
  await writeAudit(
    { actor: by.actor, action: input.transition === "publish" ? "plan.publish" : "plan.withdraw", entityType: "WorkPlan", entityId: plan.id, ip: by.ip },
    tx,
  );
}

async function checkItemFields(tx: Tx, fields: ItemFields) {
  if (!(await tx.planItemKind.findUnique({ where: { id: fields.kindId }, select: { id: true } }))) throw new FieldError("kindId", "请选择条目类型");
  if (fields.sectionId) {
    const section = await tx.unit.findFirst({ where: { id: fields.sectionId, type: "SECTION", active: true }, select: { id: true } });
    if (!section) throw new FieldError("sectionId", "责任科室须为部内在用的科室");
  }
}

async function checkSiblingTitle(tx: Tx, planId: string, parentId: string | null, title: string, exceptId?: string) {
  const clash = await tx.planItem.findFirst({ where: { planId, parentId, title, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new FieldError("title", "同一层级下已有同名条目");
}

export async function addItemRecord(tx: Tx, input: ItemFields & { planId: string; parentId: string | null }, by: By) {
  const plan = await lockPlan(tx, input.planId);
  if (input.parentId && !(await tx.planItem.findFirst({ where: { id: input.parentId, planId: plan.id }, select: { id: true } }))) {
    throw new NotFoundError("上级条目不存在");
  }
  await checkItemFields(tx, input);
  await checkSiblingTitle(tx, plan.id, input.parentId, input.title);
  const siblings = await tx.planItem.findMany({ where: { planId: plan.id, parentId: input.parentId }, select: { sortOrder: true } });
  const item = await tx.planItem.create({
    data: {
      planId: plan.id,
      parentId: input.parentId,
      kindId: input.kindId,
      title: input.title,
      goals: input.goals,
      sectionId: input.sectionId,
      sortOrder: nextSortOrder(siblings),
    },
  });
  await writeAudit({ actor: by.actor, action: "plan_item.create", entityType: "PlanItem", entityId: item.id, summary: item.title, ip: by.ip }, tx);
  return item;
}

async function itemOf(tx: Tx, id: string) {
  const item = await tx.planItem.findUnique({ where: { id }, include: { kind: true } });
  if (!item) throw new NotFoundError("条目不存在");
  return item;
}

export async function updateItemRecord(tx: Tx, input: ItemFields & { id: string; version: number }, by: By) {
  const current = await itemOf(tx, input.id);
  await lockPlan(tx, current.planId);
  await checkItemFields(tx, input);
  await checkSiblingTitle(tx, current.planId, current.parentId, input.title, current.id);
  if (current.kind.programme && input.kindId !== current.kindId) {
    const kind = await tx.planItemKind.findUniqueOrThrow({ where: { id: input.kindId } });
    const placed = (await tx.project.count({ where: { programmeId: current.id } })) + (await tx.topic.count({ where: { programmeId: current.id } }));
    if (!kind.programme && placed > 0) throw new FieldError("kindId", `该工程下已归入 ${placed} 个项目或选题，不能改为不可归入项目的类型`);
  }
  const updated = await tx.planItem.updateMany({
    where: { id: current.id, version: input.version },
    data: { kindId: input.kindId, title: input.title, goals: input.goals, sectionId: input.sectionId, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: "plan_item.update",
      entityType: "PlanItem",
      entityId: current.id,
      summary: current.title === input.title ? input.title : `${current.title} → ${input.title}`,
      ip: by.ip,
    },
    tx,
  );
}

export async function moveItemRecord(tx: Tx, input: { id: string; direction: "up" | "down" }, by: By) {
  const current = await itemOf(tx, input.id);
  await lockPlan(tx, current.planId);
  const siblings = await tx.planItem.findMany({
    where: { planId: current.planId, parentId: current.parentId },
    select: { id: true, parentId: true, sortOrder: true },
  });
  const order = moveAmong(siblings, current.id, input.direction);
  if (!order) throw new ActionError(input.direction === "up" ? "已是同级第一项" : "已是同级最后一项");
  for (const [index, id] of order.entries()) {
    await tx.planItem.update({ where: { id }, data: { sortOrder: (index + 1) * 10, version: { increment: 1 } } });
  }
  await writeAudit(
    {
      actor: by.actor,
      action: "plan_item.move",
      entityType: "PlanItem",
      entityId: current.id,
      summary: `${current.title}${input.direction === "up" ? "上移" : "下移"}`,
      ip: by.ip,
    },
    tx,
  );
}

export async function removeItemRecord(tx: Tx, input: { id: string }, by: By) {
  const current = await itemOf(tx, input.id);
  await lockPlan(tx, current.planId);
  const [children, projects, topics] = await Promise.all([
    tx.planItem.count({ where: { parentId: current.id } }),
    tx.project.count({ where: { programmeId: current.id } }),
    tx.topic.count({ where: { programmeId: current.id } }),
  ]);
  const problem = removalProblem({ children, projects, topics });
  if (problem) throw new ActionError(problem);
  await tx.planItem.delete({ where: { id: current.id } });
  await writeAudit({ actor: by.actor, action: "plan_item.delete", entityType: "PlanItem", entityId: current.id, summary: current.title, ip: by.ip }, tx);
}

type KindFields = { name: string; programme: boolean; sortOrder: number };

async function checkKindName(tx: Tx, name: string, exceptId?: string) {
  const clash = await tx.planItemKind.findFirst({ where: { name, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new FieldError("name", "已有同名类型");
}

export async function createKindRecord(tx: Tx, input: KindFields, by: By) {
  await checkKindName(tx, input.name);
  const kind = await tx.planItemKind.create({ data: input });
  await writeAudit(
    {
      actor: by.actor,
      action: "plan_kind.create",
      entityType: "PlanItemKind",
      entityId: kind.id,
      summary: `${kind.name}${kind.programme ? "（可归入项目）" : ""}`,
      ip: by.ip,
    },
    tx,
  );
  return kind;
}

export async function updateKindRecord(tx: Tx, input: KindFields & { id: string; version: number }, by: By) {
  const current = await tx.planItemKind.findUnique({ where: { id: input.id } });
  if (!current) throw new NotFoundError("类型不存在");
  await checkKindName(tx, input.name, current.id);
  if (current.programme && !input.programme) {
    const placed =
      (await tx.project.count({ where: { programme: { kindId: current.id } } })) + (await tx.topic.count({ where: { programme: { kindId: current.id } } }));
    if (placed > 0) throw new FieldError("programme", `该类型的条目下已归入 ${placed} 个项目或选题，不能取消“可归入项目”`);
  }
  const updated = await tx.planItemKind.updateMany({
    where: { id: current.id, version: input.version },
    data: { name: input.name, programme: input.programme, sortOrder: input.sortOrder, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    { actor: by.actor, action: "plan_kind.update", entityType: "PlanItemKind", entityId: current.id, summary: `${current.name} → ${input.name}`, ip: by.ip },
    tx,
  );
}

/**
 * The programme a record of `yearId` may be placed under, or the FieldError: an item of a programme kind in
 * that year's plan; `publishedOnly` for units, who see the plan only once it is published.
 */
export async function checkProgramme(tx: Tx, programmeId: string | null, yearId: string, publishedOnly: boolean) {
  if (!programmeId) return null;
  const item = await tx.planItem.findFirst({
    where: { id: programmeId, kind: { programme: true }, plan: { yearId, ...(publishedOnly ? { status: "PUBLISHED" as const } : {}) } },
    select: { id: true, title: true },
  });
  if (!item) throw new FieldError("programmeId", "所选工程不属于本年度工作要点");
  return item;
}

/** The admin places a project or topic under a programme of its own year, or takes it out of one. */
export async function placeRecord(tx: Tx, input: { target: "project" | "topic"; id: string; version: number; programmeId: string | null }, by: By) {
  const record =
    input.target === "project"
      ? await tx.project.findUnique({ where: { id: input.id }, select: { id: true, yearId: true, title: true, version: true, state: true } })
      : await tx.topic.findUnique({ where: { id: input.id }, select: { id: true, yearId: true, title: true, version: true } });
  if (!record) throw new NotFoundError(input.target === "project" ? "项目不存在" : "选题不存在");
  if (input.target === "project" && "state" in record && record.state === "DRAFT" && !(await isSubmittedOnce(tx, record.id))) {
    throw new ActionError("单位尚未提交的草稿由单位自行选择所属工程");
  }
  const programme = await checkProgramme(tx, input.programmeId, record.yearId, false);
  const where = { id: record.id, version: input.version };
  const data = { programmeId: programme?.id ?? null, version: { increment: 1 } };
  const updated = input.target === "project" ? await tx.project.updateMany({ where, data }) : await tx.topic.updateMany({ where, data });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: "programme.place",
      entityType: input.target === "project" ? "Project" : "Topic",
      entityId: record.id,
      summary: `${record.title || "（未命名）"} → ${programme?.title ?? "不归入工程"}`,
      ip: by.ip,
    },
    tx,
  );
}

async function isSubmittedOnce(tx: Tx, projectId: string) {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { submittedAt: true } });
  return Boolean(project?.submittedAt);
}
