// Individual cadres bidding for a topic in their own name (个人投标), the defence (答辩) of their bids scored by a
// panel with the year's hearing rubric, and the award to one person, who then leads the project.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyUsers } from "@/lib/notifications/service";
import { rubricFor } from "@/lib/hearings/service";
import { scoreProblem, weightedTotal } from "@/lib/hearings/scoring";
import { formatDateTime } from "@/lib/time";
import { bidderProblem, personAwardProblem, personBidProblem } from "@/lib/topics/person-rules";
import { DEFENCE_MACHINE, PERSON_BID_MACHINE, defenceState } from "@/lib/topics/states";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
type Bidder = { id: string; roles: readonly Role[] };

function isDuplicate(error: unknown) {
  return (error as { code?: string }).code === "P2002";
}

/** The topic, locked against a concurrent close, withdrawal or award, with the caller's own bid only. */
async function biddableTopic(tx: Tx, topicId: string, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Topic" WHERE "id" = ${topicId} FOR SHARE`;
  const topic = await tx.topic.findFirst({ where: { id: topicId, status: { not: "DRAFT" } }, include: { personBids: { where: { userId } } } });
  if (!topic) throw new NotFoundError("选题不存在");
  return { topic, existing: topic.personBids[0] ?? null };
}

type PersonBidInput = { topicId: string; version?: number; approach: string; steps: string; expectedResults: string };

/** One bid per person per topic: the first submit creates it, later ones (before the closing date) revise it. */
export async function submitPersonBidRecord(tx: Tx, input: PersonBidInput, bidder: Bidder, by: By) {
  const now = by.now ?? new Date();
  const person = await tx.user.findFirst({ where: { id: bidder.id, active: true }, select: { unitId: true, unit: { select: { type: true } } } });
  if (!person) throw new NotFoundError("账户不存在");
  const who = bidderProblem({ roles: bidder.roles, unitType: person.unit.type });
  if (who) throw new ActionError(who);
  const { topic, existing } = await biddableTopic(tx, input.topicId, bidder.id);
  const problem = personBidProblem("bid", topic, existing, now);
  if (problem) throw new ActionError(problem);
  const plan = { approach: input.approach, steps: input.steps, expectedResults: input.expectedResults };
  if (existing) {
    if (input.version === undefined) throw new ActionError("您已投标，请刷新页面后修改已有的投标");
    PERSON_BID_MACHINE.assert("revise", existing.status, "bidder");
    const updated = await tx.personBid.updateMany({
      where: { id: existing.id, userId: bidder.id, version: input.version, status: { in: [...PERSON_BID_MACHINE.transitions.revise.from] } },
      data: { ...plan, status: "BID", version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ActionError(STALE_RECORD);
    await writeAudit({ actor: by.actor, action: "person_bid.update", entityType: "PersonBid", entityId: existing.id, summary: topic.code, ip: by.ip }, tx);
    return { id: existing.id };
  }
  const bid = await tx.personBid
    .create({ data: { topicId: topic.id, userId: bidder.id, unitId: person.unitId, ...plan, createdAt: by.now } })
    .catch((error) => {
      throw isDuplicate(error) ? new ActionError("您已投标，请刷新页面查看") : error;
    });
  await writeAudit({ actor: by.actor, action: "person_bid.submit", entityType: "PersonBid", entityId: bid.id, summary: topic.code, ip: by.ip }, tx);
  return { id: bid.id };
}

export async function withdrawPersonBidRecord(tx: Tx, input: { topicId: string; version: number }, userId: string, by: By) {
  const { topic, existing } = await biddableTopic(tx, input.topicId, userId);
  // No bid of the caller's on this topic (another person's bid is never loaded): a refusal like any record not found.
  if (!existing) throw new NotFoundError("没有可撤回的投标");
  const problem = personBidProblem("withdraw", topic, existing, by.now ?? new Date());
  if (problem) throw new ActionError(problem);
  PERSON_BID_MACHINE.assert("withdraw", existing.status, "bidder");
  const updated = await tx.personBid.updateMany({
    where: { id: existing.id, userId, version: input.version, status: "BID" },
    data: { status: "WITHDRAWN", version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor: by.actor, action: "person_bid.withdraw", entityType: "PersonBid", entityId: existing.id, summary: topic.code, ip: by.ip }, tx);
}

/** A topic whose person bids the admin may now defend and award (bidding closed). */
async function decidableTopic(tx: Tx, topicId: string, now: Date) {
  await tx.$queryRaw`SELECT 1 FROM "Topic" WHERE "id" = ${topicId} FOR UPDATE`;
  const topic = await tx.topic.findUnique({
    where: { id: topicId },
    include: { defence: { include: { reviewers: true } }, personBids: { where: { status: "BID" }, include: { user: { select: { name: true } } } } },
  });
  if (!topic) throw new NotFoundError("选题不存在");
  const problem = personAwardProblem(topic, now);
  if (problem) throw new ActionError(problem);
  return topic;
}

type ArrangeInput = { topicId: string; version?: number; heldAt: Date; place: string; reviewerIds: string[] };

/** Arranges (or changes) the defence of a topic's person bids: time, place and the panel of reviewers. */
export async function arrangeDefenceRecord(tx: Tx, input: ArrangeInput, by: By) {
  const now = by.now ?? new Date();
  const topic = await decidableTopic(tx, input.topicId, now);
  if (topic.personBids.length === 0) throw new ActionError("没有待答辩的个人投标");
  const reviewerIds = [...new Set(input.reviewerIds)];
  const reviewers = await tx.user.count({ where: { id: { in: reviewerIds }, active: true, roles: { has: "REVIEWER" } } });
  if (reviewers !== reviewerIds.length) throw new FieldError("reviewerIds", "所选人员中有不是评审专家或已停用的账户");
  // Nobody scores their own bid.
  if (topic.personBids.some((bid) => reviewerIds.includes(bid.userId))) throw new FieldError("reviewerIds", "投标人不能担任本选题的答辩评审");
  let defence = topic.defence;
  if (defence) {
    DEFENCE_MACHINE.assert("arrange", defenceState(defence), "admin");
    if (input.version === undefined || defence.version !== input.version) throw new ActionError(STALE_RECORD);
    const scored = await tx.defenceScore.findMany({ where: { defenceId: defence.id, reviewerId: { notIn: reviewerIds } }, select: { reviewerId: true } });
    if (scored.length > 0) throw new FieldError("reviewerIds", "已打分的评审专家不能移出答辩评审组");
    const updated = await tx.topicDefence.updateMany({
      where: { id: defence.id, version: input.version },
      data: { heldAt: input.heldAt, place: input.place, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ActionError(STALE_RECORD);
    await tx.defenceReviewer.deleteMany({ where: { defenceId: defence.id, userId: { notIn: reviewerIds } } });
  } else {
    defence = await tx.topicDefence
      .create({ data: { topicId: topic.id, heldAt: input.heldAt, place: input.place, createdAt: by.now }, include: { reviewers: true } })
      .catch((error) => {
        throw isDuplicate(error) ? new ActionError(STALE_RECORD) : error;
      });
  }
  const seated = new Set(defence.reviewers.map((reviewer) => reviewer.userId));
  const added = reviewerIds.filter((id) => !seated.has(id));
  await tx.defenceReviewer.createMany({ data: added.map((userId) => ({ defenceId: defence.id, userId })), skipDuplicates: true });
  await writeAudit(
    {
      actor: by.actor,
      action: "defence.arrange",
      entityType: "Topic",
      entityId: topic.id,
      summary: `${topic.code}：${formatDateTime(input.heldAt)} ${input.place}，评审 ${reviewerIds.length} 人`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUsers(tx, added, {
    kind: "topic.defence",
    title: `请参加选题 ${topic.code} 个人投标答辩评分`,
    body: `${formatDateTime(input.heldAt)}，${input.place}。共 ${topic.personBids.length} 名投标人。`,
    link: `/topics/${topic.id}#defence`,
  });
  return { id: defence.id };
}

type DefenceScoreInput = { bidId: string; version?: number; values: Record<string, number | null>; comment: string | null };

/** A panel member's score of one person bid: the year's hearing rubric, whole; changeable until scoring ends. */
export async function scoreDefenceRecord(tx: Tx, input: DefenceScoreInput, reviewerId: string, by: By) {
  const now = by.now ?? new Date();
  // Scoped in the query: a bid still in the running, of a topic whose defence seats this reviewer.
  const bid = await tx.personBid.findFirst({
    where: { id: input.bidId, status: "BID", topic: { defence: { reviewers: { some: { userId: reviewerId } } } } },
    include: { topic: { include: { defence: true } }, user: { select: { name: true } } },
  });
  if (!bid?.topic.defence) throw new NotFoundError("答辩评分任务不存在");
  const defence = bid.topic.defence;
  DEFENCE_MACHINE.assert("score", defenceState(defence), "reviewer");
  const existing = await tx.defenceScore.findUnique({ where: { bidId_reviewerId: { bidId: bid.id, reviewerId } } });
  if (existing && input.version !== undefined && existing.version !== input.version) throw new ActionError(STALE_RECORD);
  const { criteria, frozen } = await rubricFor(tx, bid.topic.yearId);
  const values: Record<string, number> = {};
  for (const criterion of criteria) {
    const value = input.values[criterion.key];
    if (value !== null && value !== undefined) values[criterion.key] = value;
  }
  const problem = scoreProblem(criteria, values);
  if (problem) throw new FieldError("values", problem);
  const total = weightedTotal(criteria, values);
  // As a hearing's first score does, the first defence score fixes the year's rubric (decision 0081).
  if (!frozen) {
    await tx.rubric.createMany({ data: [{ yearId: bid.topic.yearId, criteria, frozenAt: now, version: 1 }], skipDuplicates: true });
    await tx.rubric.updateMany({ where: { yearId: bid.topic.yearId, frozenAt: null }, data: { frozenAt: now } });
  }
  const data = { values, total, comment: input.comment, submittedAt: now };
  const score = await tx.defenceScore.upsert({
    where: { bidId_reviewerId: { bidId: bid.id, reviewerId } },
    create: { defenceId: defence.id, bidId: bid.id, reviewerId, ...data },
    update: { ...data, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "defence.score",
      entityType: "Topic",
      entityId: bid.topicId,
      summary: `${bid.topic.code} ${bid.user.name}：${total} 分${existing ? "（修改）" : ""}`,
      details: { values },
      ip: by.ip,
    },
    tx,
  );
  return { version: score.version, total };
}

export async function closeDefenceRecord(tx: Tx, input: { topicId: string; version: number }, by: By) {
  const now = by.now ?? new Date();
  const defence = await tx.topicDefence.findUnique({ where: { topicId: input.topicId }, include: { topic: { select: { code: true } } } });
  if (!defence) throw new NotFoundError("尚未安排答辩");
  DEFENCE_MACHINE.assert("close", defenceState(defence), "admin");
  const updated = await tx.topicDefence.updateMany({
    where: { id: defence.id, version: input.version, closedAt: null },
    data: { closedAt: now, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor: by.actor, action: "defence.close", entityType: "Topic", entityId: input.topicId, summary: defence.topic.code, ip: by.ip }, tx);
}

type Decision = { bidId: string; awarded: boolean; reason: string | null };

/**
 * The admin decides every open person bid of a topic at once: one person wins, the others are told why not. The
 * winner's project is created as a draft of their unit with them as its lead (decision 0082).
 */
export async function awardPersonBidsRecord(tx: Tx, input: { topicId: string; version: number; decisions: Decision[] }, by: By) {
  const now = by.now ?? new Date();
  const topic = await decidableTopic(tx, input.topicId, now);
  if (topic.version !== input.version) throw new ActionError(STALE_RECORD);
  if (topic.personBids.length === 0) throw new ActionError("没有待评定的个人投标");
  if (topic.defence && !topic.defence.closedAt) throw new ActionError("答辩评分尚未结束，请先结束评分再评定");
  const decisions = new Map(input.decisions.map((decision) => [decision.bidId, decision]));
  if (topic.personBids.some((bid) => !decisions.has(bid.id)) || decisions.size !== topic.personBids.length) {
    throw new ActionError("投标情况已变化，请刷新页面后重新评定");
  }
  const winners = topic.personBids.filter((bid) => decisions.get(bid.id)!.awarded);
  if (winners.length !== 1) throw new ActionError("请选择一名中标人");
  for (const bid of topic.personBids) {
    if (!decisions.get(bid.id)!.awarded && !decisions.get(bid.id)!.reason) throw new FieldError(`reason_${bid.id}`, "请写明未中标的理由，将告知投标人");
  }
  for (const bid of topic.personBids) {
    const decision = decisions.get(bid.id)!;
    PERSON_BID_MACHINE.assert(decision.awarded ? "award" : "reject", bid.status, "admin");
    const updated = await tx.personBid.updateMany({
      where: { id: bid.id, status: "BID" },
      data: {
        status: decision.awarded ? "AWARDED" : "NOT_AWARDED",
        decisionReason: decision.reason,
        decidedAt: now,
        decidedById: by.actor.id,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ActionError(STALE_RECORD);
  }
  const winner = winners[0];
  const project = await leadProject(tx, topic, winner, by);
  for (const bid of topic.personBids) {
    const awarded = bid.id === winner.id;
    await notifyUsers(tx, [bid.userId], {
      kind: "topic.person_bid_result",
      title: awarded ? `您中标选题 ${topic.code}，由您牵头实施` : `您未中标选题 ${topic.code}`,
      body: decisions.get(bid.id)!.reason,
      link: awarded ? `/projects/${project.id}` : `/topics/${topic.id}`,
    });
  }
  await tx.topic.update({ where: { id: topic.id }, data: { version: { increment: 1 } } });
  await writeAudit(
    {
      actor: by.actor,
      action: "person_bid.award",
      entityType: "Topic",
      entityId: topic.id,
      summary: `${topic.code}：${winner.user.name} 中标`,
      details: {
        decisions: topic.personBids.map((bid) => ({ person: bid.user.name, awarded: bid.id === winner.id, reason: decisions.get(bid.id)!.reason })),
      },
      ip: by.ip,
    },
    tx,
  );
  return { winner: winner.user.name, projectId: project.id };
}

/** The winner's project: a draft of their unit, filled from the topic and the bid, with the winner as its lead. */
async function leadProject(
  tx: Tx,
  topic: { id: string },
  bid: { userId: string; unitId: string; approach: string; steps: string; expectedResults: string; user: { name: string } },
  by: By,
) {
  const full = await tx.topic.findUniqueOrThrow({ where: { id: topic.id } });
  const existing = await tx.project.findFirst({ where: { topicId: full.id, unitId: bid.unitId }, select: { id: true } });
  if (existing) {
    await tx.project.update({ where: { id: existing.id }, data: { leadUserId: bid.userId, leaderName: bid.user.name, version: { increment: 1 } } });
    return existing;
  }
  const project = await tx.project.create({
    data: {
      yearId: full.yearId,
      unitId: bid.unitId,
      topicId: full.id,
      title: full.title,
      category: full.category,
      focus: full.focus,
      tier: full.tier,
      problem: full.description,
      measures: `${bid.approach}\n\n实施步骤：\n${bid.steps}`,
      expectedResults: bid.expectedResults,
      leaderName: bid.user.name,
      leadUserId: bid.userId,
      createdById: by.actor.id,
      createdAt: by.now,
    },
  });
  await tx.projectEvent.create({
    data: {
      projectId: project.id,
      kind: "create",
      toState: "DRAFT",
      note: `个人中标：${bid.user.name}牵头`,
      actorId: by.actor.id,
      actorName: by.actor.name,
      at: by.now,
    },
  });
  await writeAudit({ actor: by.actor, action: "project.create", entityType: "Project", entityId: project.id, summary: project.title, ip: by.ip }, tx);
  return { id: project.id };
}
