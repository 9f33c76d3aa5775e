// Hearings, their agendas and reviewers, the year's rubric, and assigning reviewers to proposals.
import "server-only";
import { HEARING_MACHINE, hearingState } from "@/lib/hearings/states";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyAdmins, notifyUsers } from "@/lib/notifications/service";
import { transitionProjectRecord } from "@/lib/projects/service";
import { autoAssign, unitConflict, type UnitTree } from "@/lib/hearings/assignment";
import { DEFAULT_RUBRIC, rubricProblem, type Criterion } from "@/lib/hearings/scoring";
import type { HearingKind, HearingLevel, RankAggregate } from "@/lib/generated/prisma/enums";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

/** The year's rubric, the default one until the admin saves another. */
export async function rubricFor(tx: Tx, yearId: string): Promise<{ criteria: Criterion[]; frozen: boolean; version: number }> {
  const rubric = await tx.rubric.findUnique({ where: { yearId } });
  return rubric
    ? { criteria: rubric.criteria as Criterion[], frozen: Boolean(rubric.frozenAt), version: rubric.version }
    : { criteria: DEFAULT_RUBRIC, frozen: false, version: 0 };
}

export async function saveRubricRecord(tx: Tx, input: { yearId: string; version: number; criteria: Criterion[]; rankBy?: RankAggregate }, by: By) {
  const problem = rubricProblem(input.criteria);
  if (problem) throw new FieldError("criteria", problem);
  const current = await tx.rubric.findUnique({ where: { yearId: input.yearId } });
  if (current?.frozenAt) throw new ActionError("已有评审打分，本年度评分标准已锁定，不能再改");
  if ((current?.version ?? 0) !== input.version) throw new ActionError(STALE_RECORD);
  const rankBy = input.rankBy ?? current?.rankBy ?? "TRIMMED_MEAN";
  await tx.rubric.upsert({
    where: { yearId: input.yearId },
    create: { yearId: input.yearId, criteria: input.criteria, rankBy, version: 1 },
    update: { criteria: input.criteria, rankBy, version: { increment: 1 } },
  });
  await writeAudit(
    { actor: by.actor, action: "hearing.rubric", entityType: "Year", entityId: input.yearId, details: { criteria: input.criteria, rankBy }, ip: by.ip },
    tx,
  );
}

type HearingFields = { kind: HearingKind; level: HearingLevel; title: string; heldAt: Date; place: string; attendees: string | null };

export async function createHearingRecord(tx: Tx, input: HearingFields & { yearId: string }, by: By) {
  const hearing = await tx.hearing.create({ data: input });
  await writeAudit({ actor: by.actor, action: "hearing.create", entityType: "Hearing", entityId: hearing.id, summary: hearing.title, ip: by.ip }, tx);
  return hearing;
}

export async function updateHearingRecord(tx: Tx, input: HearingFields & { id: string; version: number; minutes: string | null }, by: By) {
  const { id, version, ...fields } = input;
  const updated = await tx.hearing.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor: by.actor, action: "hearing.update", entityType: "Hearing", entityId: id, summary: fields.title, ip: by.ip }, tx);
}

async function openHearing(tx: Tx, id: string, transition: "arrange" | "close" = "arrange") {
  const hearing = await tx.hearing.findUnique({ where: { id } });
  if (!hearing) throw new NotFoundError("听证会不存在");
  HEARING_MACHINE.assert(transition, hearingState(hearing), "admin");
  return hearing;
}

/**
 * Puts submitted proposals of the hearing's year on its agenda; each moves to 听证中. A proposal heard
 * before (修改后再审) comes back as the next round, its earlier scores kept on the earlier item.
 */
export async function addAgendaItemsRecord(tx: Tx, input: { hearingId: string; projectIds: string[] }, by: By) {
  const hearing = await openHearing(tx, input.hearingId);
  const projects = await tx.project.findMany({ where: { id: { in: input.projectIds }, yearId: hearing.yearId, state: "SUBMITTED" } });
  if (projects.length !== new Set(input.projectIds).size) throw new ActionError("只能把本年度“已申报”的项目列入听证");
  let order = await tx.hearingItem.count({ where: { hearingId: hearing.id } });
  const heard = await tx.hearingItem.groupBy({ by: ["projectId"], where: { projectId: { in: projects.map((p) => p.id) } }, _count: { _all: true } });
  const rounds = new Map(heard.map((row) => [row.projectId, row._count._all]));
  for (const project of projects) {
    await tx.hearingItem.create({ data: { hearingId: hearing.id, projectId: project.id, round: (rounds.get(project.id) ?? 0) + 1, sortOrder: order++ } });
    await transitionProjectRecord(tx, { id: project.id, version: project.version, transition: "schedule" }, { kind: "hearing" }, by);
  }
  return { added: projects.length };
}

export async function removeAgendaItemRecord(tx: Tx, itemId: string, by: By) {
  const item = await tx.hearingItem.findUnique({ where: { id: itemId }, include: { project: true, assignments: { include: { score: true } } } });
  if (!item) throw new ActionError("议程中没有该项目");
  await openHearing(tx, item.hearingId);
  if (item.assignments.some((assignment) => assignment.score)) throw new ActionError("该项目已有评审打分，不能移出议程");
  await tx.reviewAssignment.deleteMany({ where: { itemId } });
  await tx.declaredConflict.deleteMany({ where: { itemId } });
  await tx.hearingItem.delete({ where: { id: itemId } });
  await transitionProjectRecord(tx, { id: item.projectId, version: item.project.version, transition: "unschedule" }, { kind: "hearing" }, by);
}

/** The hearing's reviewers (评审专家 accounts); one who already scored here cannot be taken off. */
export async function setHearingReviewersRecord(tx: Tx, input: { hearingId: string; version: number; userIds: string[] }, by: By) {
  const hearing = await openHearing(tx, input.hearingId);
  if (hearing.version !== input.version) throw new ActionError(STALE_RECORD);
  const wanted = [...new Set(input.userIds)];
  const valid = await tx.user.count({ where: { id: { in: wanted }, active: true, roles: { has: "REVIEWER" } } });
  if (valid !== wanted.length) throw new FieldError("userIds", "所选人员中有非评审专家或已停用的账户");
  const leaving = await tx.hearingReviewer.findMany({ where: { hearingId: hearing.id, userId: { notIn: wanted } } });
  for (const seat of leaving) {
    const scored = await tx.score.count({ where: { assignment: { reviewerId: seat.userId, item: { hearingId: hearing.id } } } });
    if (scored > 0) throw new FieldError("userIds", "已打分的评审专家不能移出本场听证");
    await tx.reviewAssignment.deleteMany({ where: { reviewerId: seat.userId, item: { hearingId: hearing.id } } });
  }
  await tx.hearingReviewer.deleteMany({ where: { hearingId: hearing.id, userId: { notIn: wanted } } });
  await tx.hearingReviewer.createMany({ data: wanted.map((userId) => ({ hearingId: hearing.id, userId })), skipDuplicates: true });
  await tx.hearing.update({ where: { id: hearing.id }, data: { version: { increment: 1 } } });
  await writeAudit(
    { actor: by.actor, action: "hearing.reviewers", entityType: "Hearing", entityId: hearing.id, summary: `${wanted.length} 名评审专家`, ip: by.ip },
    tx,
  );
}

export async function unitTree(tx: Pick<Tx, "unit">): Promise<UnitTree> {
  const units = await tx.unit.findMany({ select: { id: true, parentId: true } });
  return new Map(units.map((unit) => [unit.id, unit.parentId]));
}

async function hearingContext(tx: Tx, hearingId: string) {
  // One after the other: queries of one transaction share its connection.
  const items = await tx.hearingItem.findMany({
    where: { hearingId },
    orderBy: { sortOrder: "asc" },
    include: { project: { select: { unitId: true, title: true } }, assignments: true, conflicts: true },
  });
  const seats = await tx.hearingReviewer.findMany({
    where: { hearingId },
    include: { user: { select: { id: true, unitId: true, name: true } } },
    orderBy: { user: { username: "asc" } },
  });
  const tree = await unitTree(tx);
  return { items, seats, tree };
}

/** Fills every proposal up to N reviewers, balanced by load, never across a conflict (see assignment.ts). */
export async function autoAssignRecord(tx: Tx, input: { hearingId: string; perProposal: number }, by: By) {
  await openHearing(tx, input.hearingId);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`hearing-assign:${input.hearingId}`}))`;
  const { items, seats, tree } = await hearingContext(tx, input.hearingId);
  if (seats.length === 0) throw new ActionError("请先选定本场听证的评审专家");
  const result = autoAssign({
    proposals: items.map((item) => ({ id: item.id, unitId: item.project.unitId })),
    reviewers: seats.map((seat) => ({ id: seat.user.id, unitId: seat.user.unitId })),
    perProposal: input.perProposal,
    existing: items.flatMap((item) => item.assignments.map((a) => ({ proposalId: item.id, reviewerId: a.reviewerId }))),
    declared: items.flatMap((item) => item.conflicts.map((c) => ({ proposalId: item.id, reviewerId: c.reviewerId }))),
    tree,
  });
  await tx.reviewAssignment.createMany({ data: result.added.map((a) => ({ itemId: a.proposalId, reviewerId: a.reviewerId })), skipDuplicates: true });
  await writeAudit(
    { actor: by.actor, action: "hearing.assign", entityType: "Hearing", entityId: input.hearingId, summary: `自动分配 ${result.added.length} 项`, ip: by.ip },
    tx,
  );
  for (const reviewerId of new Set(result.added.map((a) => a.reviewerId))) {
    await notifyUsers(tx, [reviewerId], { kind: "hearing.assigned", title: "您有新的评审任务", link: "/reviews" });
  }
  return {
    added: result.added.length,
    short: result.short.map((s) => ({ title: items.find((item) => item.id === s.proposalId)!.project.title, missing: s.missing })),
  };
}

/** Assigns one reviewer by hand; the conflict rules hold here too. */
export async function assignReviewerRecord(tx: Tx, input: { itemId: string; reviewerId: string }, by: By) {
  const item = await tx.hearingItem.findUnique({ where: { id: input.itemId }, include: { project: true, conflicts: true } });
  if (!item) throw new ActionError("议程中没有该项目");
  await openHearing(tx, item.hearingId);
  const seat = await tx.hearingReviewer.findUnique({
    where: { hearingId_userId: { hearingId: item.hearingId, userId: input.reviewerId } },
    include: { user: true },
  });
  if (!seat) throw new FieldError("reviewerId", "请先把该专家列为本场听证的评审专家");
  if (unitConflict(seat.user.unitId, item.project.unitId, await unitTree(tx)))
    throw new FieldError("reviewerId", "该专家与申报单位存在隶属关系（同单位或上下级），须回避");
  if (item.conflicts.some((c) => c.reviewerId === input.reviewerId)) throw new FieldError("reviewerId", "该专家已声明回避此项目");
  await tx.reviewAssignment.create({ data: { itemId: item.id, reviewerId: input.reviewerId } }).catch((error) => {
    throw (error as { code?: string }).code === "P2002" ? new FieldError("reviewerId", "该专家已分配评审此项目") : error;
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "hearing.assign",
      entityType: "Hearing",
      entityId: item.hearingId,
      summary: `${seat.user.name} → ${item.project.title}`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUsers(tx, [input.reviewerId], { kind: "hearing.assigned", title: "您有新的评审任务", link: "/reviews" });
}

export async function unassignRecord(tx: Tx, assignmentId: string, by: By) {
  const assignment = await tx.reviewAssignment.findUnique({
    where: { id: assignmentId },
    include: { score: true, item: { include: { project: true } }, reviewer: true },
  });
  if (!assignment) throw new NotFoundError("分配不存在");
  await openHearing(tx, assignment.item.hearingId);
  if (assignment.score) throw new ActionError("该专家已开始打分，不能取消分配");
  await tx.reviewAssignment.delete({ where: { id: assignmentId } });
  await writeAudit(
    {
      actor: by.actor,
      action: "hearing.unassign",
      entityType: "Hearing",
      entityId: assignment.item.hearingId,
      summary: `${assignment.reviewer.name} ✕ ${assignment.item.project.title}`,
      ip: by.ip,
    },
    tx,
  );
}

/** A reviewer steps aside from a proposal: the assignment goes, the pair is never assigned again, the admin is told. */
export async function declareConflictRecord(tx: Tx, input: { assignmentId: string; reason: string }, reviewerId: string, by: By) {
  const assignment = await tx.reviewAssignment.findFirst({
    where: { id: input.assignmentId, reviewerId },
    include: { score: true, item: { include: { project: true, hearing: true } } },
  });
  if (!assignment) throw new NotFoundError("评审任务不存在");
  HEARING_MACHINE.assert("declareConflict", hearingState(assignment.item.hearing), "reviewer");
  if (assignment.score?.submittedAt) throw new ActionError("已提交评分，不能再声明回避");
  if (assignment.score) await tx.score.delete({ where: { id: assignment.score.id } });
  await tx.reviewAssignment.delete({ where: { id: assignment.id } });
  await tx.declaredConflict.create({ data: { itemId: assignment.itemId, reviewerId, reason: input.reason } });
  await writeAudit(
    {
      actor: by.actor,
      action: "hearing.conflict",
      entityType: "Hearing",
      entityId: assignment.item.hearingId,
      summary: `${assignment.item.project.title}：${input.reason}`,
      ip: by.ip,
    },
    tx,
  );
  await notifyAdmins(tx, {
    kind: "hearing.conflict",
    title: `${by.actor.name}声明回避“${assignment.item.project.title}”`,
    body: `理由：${input.reason}。请另行分配评审专家。`,
    link: `/hearings/${assignment.item.hearingId}`,
  });
}

/** Ends scoring: scores can no longer be entered or changed. */
export async function closeHearingRecord(tx: Tx, input: { id: string; version: number }, by: By) {
  const hearing = await openHearing(tx, input.id, "close");
  const updated = await tx.hearing.updateMany({
    where: { id: hearing.id, version: input.version, closedAt: null },
    data: { closedAt: by.now ?? new Date(), version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    { actor: by.actor, action: HEARING_MACHINE.transitions.close.audit, entityType: "Hearing", entityId: hearing.id, summary: hearing.title, ip: by.ip },
    tx,
  );
}
