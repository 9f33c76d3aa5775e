// 调查研究课题: the admin sets the year's topics; the lead cadre and members research and write the report; the lead
// submits it; the head of the lead's section closes the topic or returns the report; leaders mark each proposal.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalMark, Role } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, NotFoundError, STALE_RECORD } from "@/lib/actions/errors";
import { notifyUsers } from "@/lib/notifications/service";
import { cadreWhere } from "@/lib/practice/queries";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { MARK_LABELS } from "@/lib/research/rules";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type Viewer = { id: string; roles: readonly Role[] };

export const topicLink = (id: string) => `/research/${id}`;

/** Topics the user works on: as lead cadre or as a member. */
export function teamWhere(userId: string): Prisma.ResearchTopicWhereInput {
  return { OR: [{ leadId: userId }, { members: { some: { userId } } }] };
}

/**
 * Topics a caller may review, as a query: a section head those led by the other cadres of their section; the
 * admin those led by section heads themselves (nobody reviews their own), as 四个一 does (decision 0030).
 */
export function reviewableWhere(viewer: Viewer): Prisma.ResearchTopicWhereInput {
  const asHead: Prisma.ResearchTopicWhereInput = { section: { headId: viewer.id }, leadId: { not: viewer.id } };
  if (!viewer.roles.includes("COUNTY_ADMIN")) return asHead;
  return { OR: [asHead, { lead: { headOf: { some: {} } }, leadId: { not: viewer.id } }] };
}

async function lockTopic(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "ResearchTopic" WHERE "id" = ${id} FOR UPDATE`;
}

type TopicFields = { title: string; question: string; areaId: string; leadId: string; memberIds: string[]; dueAt: Date };

/** Checks the area, the lead and the members; returns the lead's section and the members without the lead. */
async function checkFields(tx: Tx, fields: TopicFields, keepAreaId?: string) {
  const area = await tx.researchArea.findFirst({ where: { id: fields.areaId, OR: [{ active: true }, { id: keepAreaId ?? "-" }] } });
  if (!area) throw new FieldError("areaId", "所选调研领域不存在或已停用");
  const lead = await tx.user.findFirst({ where: { AND: [{ id: fields.leadId }, cadreWhere()] }, select: { id: true, unitId: true } });
  if (!lead) throw new FieldError("leadId", "牵头人须是部机关科室在岗的组工干部");
  const memberIds = [...new Set(fields.memberIds)].filter((id) => id !== lead.id);
  if (memberIds.length > 0) {
    const found = await tx.user.count({ where: { AND: [{ id: { in: memberIds } }, cadreWhere()] } });
    if (found !== memberIds.length) throw new FieldError("memberIds", "课题组成员须是部机关科室在岗的组工干部");
  }
  return { area, sectionId: lead.unitId, memberIds };
}

async function checkTitle(tx: Tx, yearId: string, title: string, exceptId?: string) {
  const clash = await tx.researchTopic.findFirst({ where: { yearId, title, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new FieldError("title", "本年度已有同名课题");
}

/** The admin sets a topic of a year (立题); the lead and members are told. Unique title per year: a double click makes one. */
export async function createTopicRecord(tx: Tx, input: TopicFields & { year: number }, by: By) {
  const year = await tx.year.findUnique({ where: { year: input.year } });
  if (!year) throw new ActionError(`${input.year} 年度不存在，请先在年度安排中新建`);
  // Serialise creations of one year: the second of a double click sees the first's title.
  await tx.$queryRaw`SELECT 1 FROM "Year" WHERE "id" = ${year.id} FOR UPDATE`;
  const { sectionId, memberIds } = await checkFields(tx, input);
  await checkTitle(tx, year.id, input.title);
  const topic = await tx.researchTopic.create({
    data: {
      yearId: year.id,
      title: input.title,
      question: input.question,
      areaId: input.areaId,
      leadId: input.leadId,
      sectionId,
      dueAt: input.dueAt,
      createdById: by.actor.id,
      members: { create: memberIds.map((userId) => ({ userId })) },
    },
  });
  await writeAudit(
    { actor: by.actor, action: "research.create", entityType: "ResearchTopic", entityId: topic.id, summary: `${year.year}年：${topic.title}`, ip: by.ip },
    tx,
  );
  await notifyUsers(tx, [input.leadId, ...memberIds], {
    kind: "research.assigned",
    title: `您承担了${year.year}年度调研课题“${topic.title}”`,
    link: topicLink(topic.id),
  });
  return topic;
}

/** The admin changes a topic until its report is submitted. */
export async function updateTopicRecord(tx: Tx, input: TopicFields & { id: string; version: number }, by: By) {
  await lockTopic(tx, input.id);
  const current = await tx.researchTopic.findUnique({ where: { id: input.id }, include: { members: true } });
  if (!current) throw new NotFoundError("课题不存在");
  RESEARCH_MACHINE.assert("edit", current.state, "admin");
  if (current.version !== input.version) throw new ActionError(STALE_RECORD);
  const { sectionId, memberIds } = await checkFields(tx, input, current.areaId);
  await checkTitle(tx, current.yearId, input.title, current.id);
  await tx.researchMember.deleteMany({ where: { topicId: current.id } });
  const updated = await tx.researchTopic.update({
    where: { id: current.id },
    data: {
      title: input.title,
      question: input.question,
      areaId: input.areaId,
      leadId: input.leadId,
      sectionId,
      dueAt: input.dueAt,
      version: { increment: 1 },
      members: { create: memberIds.map((userId) => ({ userId })) },
    },
  });
  await writeAudit({ actor: by.actor, action: "research.update", entityType: "ResearchTopic", entityId: current.id, summary: updated.title, ip: by.ip }, tx);
  const before = new Set([current.leadId, ...current.members.map((m) => m.userId)]);
  const added = [input.leadId, ...memberIds].filter((id) => !before.has(id));
  if (added.length > 0) await notifyUsers(tx, added, { kind: "research.assigned", title: `您承担了调研课题“${updated.title}”`, link: topicLink(updated.id) });
  return { version: updated.version };
}

/** The topic of the caller's team, locked; not found for anyone else (another cadre's topic reads as missing). */
async function teamTopic(tx: Tx, id: string, userId: string) {
  await lockTopic(tx, id);
  const topic = await tx.researchTopic.findFirst({ where: { AND: [{ id }, teamWhere(userId)] } });
  if (!topic) throw new NotFoundError("课题不存在，或您不是该课题组成员");
  return topic;
}

export async function startTopicRecord(tx: Tx, input: { id: string; version: number }, userId: string, by: By) {
  const topic = await teamTopic(tx, input.id, userId);
  RESEARCH_MACHINE.assert("start", topic.state, "team");
  if (topic.version !== input.version) throw new ActionError(STALE_RECORD);
  const updated = await tx.researchTopic.update({
    where: { id: topic.id },
    data: { state: RESEARCH_MACHINE.transitions.start.to, version: { increment: 1 } },
  });
  await writeAudit({ actor: by.actor, action: "research.start", entityType: "ResearchTopic", entityId: topic.id, summary: topic.title, ip: by.ip }, tx);
  return { version: updated.version };
}

/** The lead or a member saves the report draft; the proposals are replaced in the order given. */
export async function saveReportRecord(
  tx: Tx,
  input: { id: string; version: number; problems: string | null; analysis: string | null; proposals: string[] },
  userId: string,
) {
  const topic = await teamTopic(tx, input.id, userId);
  RESEARCH_MACHINE.assert("save", topic.state, "team");
  if (topic.version !== input.version) throw new ActionError(STALE_RECORD);
  await tx.researchProposal.deleteMany({ where: { topicId: topic.id } });
  if (input.proposals.length > 0)
    await tx.researchProposal.createMany({ data: input.proposals.map((text, index) => ({ topicId: topic.id, seq: index + 1, text })) });
  const updated = await tx.researchTopic.update({
    where: { id: topic.id },
    data: { problems: input.problems, analysis: input.analysis, version: { increment: 1 } },
  });
  return { version: updated.version };
}

/** The lead submits the report (complete: problems, analysis, at least one proposal) to the section head. */
export async function submitReportRecord(tx: Tx, input: { id: string; version: number }, userId: string, by: By) {
  const topic = await teamTopic(tx, input.id, userId);
  if (topic.leadId !== userId) throw new ActionError("只有牵头人可以提交报告");
  RESEARCH_MACHINE.assert("submit", topic.state, "lead");
  if (topic.version !== input.version) throw new ActionError(STALE_RECORD);
  if (!topic.problems) throw new FieldError("problems", "请填写症结性问题");
  if (!topic.analysis) throw new FieldError("analysis", "请填写原因分析");
  if ((await tx.researchProposal.count({ where: { topicId: topic.id } })) === 0) throw new FieldError("proposals", "请至少提出一条对策建议");
  const now = by.now ?? new Date();
  const updated = await tx.researchTopic.update({
    where: { id: topic.id },
    data: { state: RESEARCH_MACHINE.transitions.submit.to, submittedAt: now, version: { increment: 1 } },
    include: { section: { select: { headId: true } }, lead: { select: { name: true } } },
  });
  const late = now > topic.dueAt;
  await writeAudit(
    {
      actor: by.actor,
      action: "research.submit",
      entityType: "ResearchTopic",
      entityId: topic.id,
      summary: `${topic.title}${late ? "（超过完成时限）" : ""}`,
      ip: by.ip,
    },
    tx,
  );
  const headId = updated.section.headId;
  if (headId && headId !== userId)
    await notifyUsers(tx, [headId], { kind: "research.submitted", title: `${updated.lead.name}提交了调研报告“${topic.title}”`, link: topicLink(topic.id) });
  return { version: updated.version, late };
}

/** The head closes the topic (结题) or returns the report with a comment. */
export async function reviewTopicRecord(tx: Tx, input: { id: string; version: number; accept: boolean; comment: string | null }, viewer: Viewer, by: By) {
  await lockTopic(tx, input.id);
  const topic = await tx.researchTopic.findFirst({ where: { AND: [{ id: input.id }, reviewableWhere(viewer)] }, include: { members: true } });
  if (!topic) throw new NotFoundError("课题不存在，或不属于您负责的科室");
  const name = input.accept ? "close" : "return";
  RESEARCH_MACHINE.assert(name, topic.state, "head");
  if (topic.version !== input.version) throw new ActionError(STALE_RECORD);
  if (!input.accept && !input.comment) throw new FieldError("comment", "请填写退回意见");
  const transition = RESEARCH_MACHINE.transitions[name];
  await tx.researchTopic.update({
    where: { id: topic.id },
    data: { state: transition.to, reviewComment: input.comment, reviewedAt: by.now ?? new Date(), reviewedById: by.actor.id, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: transition.audit,
      entityType: "ResearchTopic",
      entityId: topic.id,
      summary: `${topic.title}${input.comment ? `，意见：${input.comment}` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUsers(tx, [topic.leadId, ...topic.members.map((m) => m.userId)], {
    kind: input.accept ? "research.closed" : "research.returned",
    title: input.accept ? `调研课题“${topic.title}”已结题` : `调研报告“${topic.title}”被退回`,
    body: input.comment,
    link: topicLink(topic.id),
  });
}

/**
 * A leader marks one proposal of a closed topic (采纳 / 部分采纳 / 未采纳, with a note); the admin may record a
 * named leader's marking on their behalf (decision 0052). A later marking replaces the earlier one (version).
 */
export async function markProposalRecord(
  tx: Tx,
  input: { proposalId: string; version: number; mark: ProposalMark; note: string | null; leaderName: string | null },
  viewer: Viewer & { name: string },
  by: By,
) {
  const proposal = await tx.researchProposal.findUnique({
    where: { id: input.proposalId },
    include: { topic: { select: { id: true, title: true, state: true, leadId: true } } },
  });
  if (!proposal) throw new NotFoundError("建议不存在");
  RESEARCH_MACHINE.assert("mark", proposal.topic.state, "leader");
  const isLeader = viewer.roles.includes("LEADER");
  const leaderName = isLeader ? viewer.name : input.leaderName;
  if (!leaderName) throw new FieldError("leaderName", "请填写批示领导（代领导录入时）");
  const updated = await tx.researchProposal.updateMany({
    where: { id: proposal.id, version: input.version },
    data: { mark: input.mark, markNote: input.note, leaderName, markedById: viewer.id, markedAt: by.now ?? new Date(), version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: "research.mark",
      entityType: "ResearchProposal",
      entityId: proposal.id,
      summary: `${proposal.topic.title} 建议${proposal.seq}：${MARK_LABELS[input.mark]}（${isLeader ? leaderName : `代${leaderName}录入`}）`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUsers(tx, [proposal.topic.leadId], {
    kind: "research.marked",
    title: `“${proposal.topic.title}”的建议${proposal.seq}：${MARK_LABELS[input.mark]}`,
    body: input.note,
    link: topicLink(proposal.topic.id),
  });
  return { version: proposal.version + 1 };
}

type AreaFields = { name: string; sortOrder: number };

async function checkAreaName(tx: Tx, name: string, exceptId?: string) {
  const clash = await tx.researchArea.findFirst({ where: { name, id: exceptId ? { not: exceptId } : undefined } });
  if (clash) throw new FieldError("name", "已有同名领域");
}

export async function createAreaRecord(tx: Tx, fields: AreaFields, by: By) {
  await tx.$executeRaw`LOCK TABLE "ResearchArea" IN SHARE ROW EXCLUSIVE MODE`;
  await checkAreaName(tx, fields.name);
  const created = await tx.researchArea.create({ data: fields });
  await writeAudit({ actor: by.actor, action: "research_area.create", entityType: "ResearchArea", entityId: created.id, summary: created.name, ip: by.ip }, tx);
  return created;
}

export async function updateAreaRecord(tx: Tx, input: AreaFields & { id: string; version: number; active: boolean }, by: By) {
  const current = await tx.researchArea.findUnique({ where: { id: input.id } });
  if (!current) throw new NotFoundError("领域不存在");
  await checkAreaName(tx, input.name, input.id);
  const updated = await tx.researchArea.updateMany({
    where: { id: input.id, version: input.version },
    data: { name: input.name, sortOrder: input.sortOrder, active: input.active, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: by.actor,
      action: "research_area.update",
      entityType: "ResearchArea",
      entityId: input.id,
      summary: `${current.name} → ${input.name}${input.active ? "" : "（停用）"}`,
      ip: by.ip,
    },
    tx,
  );
}
