// Units taking up, bidding for and answering assignments of topics, and the admin awarding bids.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyAdmins, notifyUnits } from "@/lib/notifications/service";
import { awardProblem, claimProblem, type ClaimAction } from "@/lib/topics/rules";
import { CLAIM_MACHINE } from "@/lib/topics/states";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

/**
 * Loads the topic for a claim by one unit, with that unit's claim only, and checks the rules.
 * The row lock makes a claim and a concurrent close or withdrawal happen one after the other.
 */
async function claimableTopic(tx: Tx, action: ClaimAction, topicId: string, unitId: string, now: Date) {
  await tx.$queryRaw`SELECT 1 FROM "Topic" WHERE "id" = ${topicId} FOR SHARE`;
  const topic = await tx.topic.findFirst({
    where: { id: topicId, status: { not: "DRAFT" } },
    include: { units: { select: { unitId: true } }, claims: { where: { unitId } } },
  });
  if (!topic) throw new NotFoundError("选题不存在");
  const existing = topic.claims[0] ?? null;
  const problem = claimProblem(action, { ...topic, unitIds: topic.units.map((unit) => unit.unitId) }, unitId, existing, now);
  if (problem) throw new ActionError(problem);
  return { topic, existing };
}

/** A second request for the same unit and topic (a double click, two tabs) finds the first one's row. */
function isDuplicate(error: unknown) {
  return (error as { code?: string }).code === "P2002";
}

export async function takeTopicRecord(tx: Tx, input: { topicId: string; note: string | null }, unitId: string, by: By) {
  const { topic } = await claimableTopic(tx, "take", input.topicId, unitId, by.now ?? new Date());
  const claim = await tx.topicClaim
    .create({ data: { topicId: topic.id, unitId, status: "TAKEN", note: input.note, createdById: by.actor.id, createdAt: by.now } })
    .catch((error) => {
      throw isDuplicate(error) ? new ActionError("本单位已认领该选题") : error;
    });
  await writeAudit({ actor: by.actor, action: "claim.take", entityType: "TopicClaim", entityId: claim.id, summary: topic.code, ip: by.ip }, tx);
  return claim;
}

type BidInput = { topicId: string; version?: number; approach: string; people: string; timeline: string };

/** A unit's one bid per topic: the first submit creates it, later ones (before the closing date) revise it. */
export async function submitBidRecord(tx: Tx, input: BidInput, unitId: string, by: By) {
  const { topic, existing } = await claimableTopic(tx, "bid", input.topicId, unitId, by.now ?? new Date());
  const plan = { approach: input.approach, people: input.people, timeline: input.timeline };
  if (existing) {
    if (input.version === undefined) throw new ActionError("本单位已投标，请刷新页面后修改已有的投标");
    const updated = await tx.topicClaim.updateMany({
      where: { id: existing.id, version: input.version, status: "BID" },
      data: { ...plan, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ActionError(STALE_RECORD);
    await writeAudit({ actor: by.actor, action: "claim.bid_update", entityType: "TopicClaim", entityId: existing.id, summary: topic.code, ip: by.ip }, tx);
    return existing;
  }
  const claim = await tx.topicClaim
    .create({ data: { topicId: topic.id, unitId, status: "BID", ...plan, createdById: by.actor.id, createdAt: by.now } })
    .catch((error) => {
      throw isDuplicate(error) ? new ActionError("本单位已投标，请刷新页面查看") : error;
    });
  await writeAudit({ actor: by.actor, action: "claim.bid", entityType: "TopicClaim", entityId: claim.id, summary: topic.code, ip: by.ip }, tx);
  return claim;
}

export async function answerAssignmentRecord(tx: Tx, input: { topicId: string; accept: boolean; note: string | null }, unitId: string, by: By) {
  const { topic } = await claimableTopic(tx, input.accept ? "accept" : "decline", input.topicId, unitId, by.now ?? new Date());
  const claim = await tx.topicClaim
    .create({
      data: { topicId: topic.id, unitId, status: input.accept ? "ACCEPTED" : "DECLINED", note: input.note, createdById: by.actor.id, createdAt: by.now },
    })
    .catch((error) => {
      throw isDuplicate(error) ? new ActionError("本单位已答复该发包") : error;
    });
  await writeAudit(
    {
      actor: by.actor,
      action: input.accept ? "claim.accept" : "claim.decline",
      entityType: "TopicClaim",
      entityId: claim.id,
      summary: `${topic.code}${input.note ? `：${input.note}` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  if (!input.accept) {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
    await notifyAdmins(tx, { kind: "topic.claim", title: `${unit.name}不能承接发包选题 ${topic.code}`, body: input.note, link: `/topics/${topic.id}` });
  }
  return claim;
}

type Decision = { claimId: string; awarded: boolean; reason: string | null };

/** The admin decides every open bid of a topic at once: one or more awarded, the others told why not. */
export async function awardBidsRecord(tx: Tx, input: { topicId: string; version: number; decisions: Decision[] }, by: By) {
  const now = by.now ?? new Date();
  const topic = await tx.topic.findUnique({
    where: { id: input.topicId },
    include: { claims: { where: { status: "BID" }, include: { unit: { select: { name: true } } } } },
  });
  if (!topic) throw new NotFoundError("选题不存在");
  const problem = awardProblem(topic, now);
  if (problem) throw new ActionError(problem);
  if (topic.version !== input.version) throw new ActionError(STALE_RECORD);
  if (topic.claims.length === 0) throw new ActionError("没有待评定的投标");
  const decisions = new Map(input.decisions.map((decision) => [decision.claimId, decision]));
  if (topic.claims.some((claim) => !decisions.has(claim.id)) || decisions.size !== topic.claims.length) {
    throw new ActionError("投标情况已变化，请刷新页面后重新评标");
  }
  if (![...decisions.values()].some((decision) => decision.awarded)) throw new ActionError("请至少选择一个中标单位");
  for (const claim of topic.claims) {
    if (!decisions.get(claim.id)!.awarded && !decisions.get(claim.id)!.reason) throw new FieldError(`reason_${claim.id}`, "请写明未中标的理由，将告知投标单位");
  }
  for (const claim of topic.claims) {
    const decision = decisions.get(claim.id)!;
    CLAIM_MACHINE.assert(decision.awarded ? "award" : "reject", claim.status, "admin");
    const updated = await tx.topicClaim.updateMany({
      where: { id: claim.id, status: "BID" },
      data: {
        status: decision.awarded ? "AWARDED" : "NOT_AWARDED",
        decisionReason: decision.reason,
        decidedAt: now,
        decidedById: by.actor.id,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new ActionError(STALE_RECORD);
    await notifyUnits(tx, [claim.unitId], {
      kind: "topic.bid_result",
      title: decision.awarded ? `本单位中标选题 ${topic.code}` : `本单位未中标选题 ${topic.code}`,
      body: decision.reason,
      link: `/topics/${topic.id}`,
    });
  }
  // Awarding changes what the topic page shows; a second admin working from the old page is stopped.
  await tx.topic.update({ where: { id: topic.id }, data: { version: { increment: 1 } } });
  const winners = topic.claims.filter((claim) => decisions.get(claim.id)!.awarded).map((claim) => claim.unit.name);
  await writeAudit(
    {
      actor: by.actor,
      action: "claim.award",
      entityType: "Topic",
      entityId: topic.id,
      summary: `${topic.code}：${winners.join("、")} 中标`,
      details: {
        decisions: topic.claims.map((claim) => ({ unit: claim.unit.name, awarded: decisions.get(claim.id)!.awarded, reason: decisions.get(claim.id)!.reason })),
      },
      ip: by.ip,
    },
    tx,
  );
  return { winners };
}
