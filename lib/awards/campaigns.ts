// The campaign's own life: opening it, its settings, ranking, adjustments, the announcement and the decision.
import "server-only";
import { CAMPAIGN_MACHINE } from "@/lib/awards/states";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyUnits } from "@/lib/notifications/service";
import { aggregate } from "@/lib/hearings/scoring";
import { unitTree } from "@/lib/hearings/service";
import { unitConflict } from "@/lib/hearings/assignment";
import type { CampaignInput } from "@/lib/awards/schemas";
import { allocateAwards, components, compositeScore, personScore, type Weights } from "@/lib/awards/ranking";
import { cadreYearRecords } from "@/lib/practice/record";
import { announcementEnd } from "@/lib/awards/workdays";
import { loadCalendar } from "@/lib/calendar/queries";
import { campaignPhase, CATEGORY_LABELS, GROUPS, LEVEL_LABELS } from "@/lib/awards/phase";
import { projectRecords } from "@/lib/awards/evidence";
import { formatDateTime } from "@/lib/time";

export type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

export function campaignLink(id: string) {
  return `/awards/${id}`;
}

/** The campaign row locked for the rest of the transaction: quota checks, ranking and decisions run one at a time. */
export async function lockCampaign(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "Campaign" WHERE "id" = ${id} FOR UPDATE`;
  const campaign = await tx.campaign.findUnique({
    where: { id },
    include: { year: true, tiers: { orderBy: [{ category: "asc" }, { level: "asc" }, { rank: "asc" }] } },
  });
  if (!campaign) throw new NotFoundError("评比表彰不存在");
  return campaign;
}

async function checkJurors(tx: Tx, jurorIds: string[]) {
  const found = await tx.user.count({ where: { id: { in: jurorIds }, active: true, roles: { has: "REVIEWER" } } });
  if (found !== new Set(jurorIds).size) throw new FieldError("jurorIds", "评委须为在用的评审专家账户");
}

function tierRows(tiers: CampaignInput["tiers"]) {
  const rankWithin = new Map<string, number>();
  return tiers.map((tier) => {
    const key = `${tier.category}/${tier.level}`;
    const rank = (rankWithin.get(key) ?? 0) + 1;
    rankWithin.set(key, rank);
    return { ...tier, rank };
  });
}

function settings(input: CampaignInput) {
  return {
    title: input.title,
    nominationStartsAt: input.nominationStartsAt,
    nominationEndsAt: input.nominationEndsAt,
    workQuotaPerUnit: input.workQuotaPerUnit,
    personQuotaPerUnit: input.personQuotaPerUnit,
    criteria: input.criteria as unknown as Prisma.InputJsonValue,
    weights: input.weights as unknown as Prisma.InputJsonValue,
    announcementDays: input.announcementDays,
  };
}

/**
 * The campaign's nomination period is the year's 评比表彰推荐 window: one deadline, written to both so that the
 * year page, the home page's countdowns and the campaign show the same time (lib/years/actions keeps it the other way).
 */
async function syncNominationWindow(tx: Tx, yearId: string, startsAt: Date, endsAt: Date) {
  await tx.yearWindow.upsert({
    where: { yearId_kind: { yearId, kind: "NOMINATION" } },
    create: { yearId, kind: "NOMINATION", startsAt, endsAt },
    update: { startsAt, endsAt },
  });
}

export async function createCampaignRecord(tx: Tx, input: CampaignInput, by: By) {
  const year = await tx.year.findUnique({ where: { year: input.year }, include: { campaign: true } });
  if (!year) throw new FieldError("year", "该年度不存在");
  if (year.campaign) throw new FieldError("year", `${input.year}年度的评比表彰已经开启`);
  await checkJurors(tx, input.jurorIds);
  const campaign = await tx.campaign.create({
    data: {
      yearId: year.id,
      ...settings(input),
      tiers: { create: tierRows(input.tiers) },
      jurors: { create: [...new Set(input.jurorIds)].map((userId) => ({ userId })) },
    },
  });
  await syncNominationWindow(tx, year.id, input.nominationStartsAt, input.nominationEndsAt);
  await writeAudit({ actor: by.actor, action: "campaign.create", entityType: "Campaign", entityId: campaign.id, summary: input.title, ip: by.ip }, tx);
  await notifyUnits(tx, "all", {
    kind: "award",
    title: `${input.title}开始推荐`,
    body: `推荐截止：${formatDateTime(input.nominationEndsAt)}`,
    link: campaignLink(campaign.id),
  });
  return campaign;
}

export async function updateCampaignRecord(tx: Tx, input: CampaignInput & { id: string; version: number }, by: By) {
  const current = await lockCampaign(tx, input.id);
  if (current.version !== input.version) throw new ActionError(STALE_RECORD);
  CAMPAIGN_MACHINE.assert("configure", campaignPhase(current, by.now ?? new Date()), "admin");
  if (input.year !== current.year.year) throw new FieldError("year", "年度不能修改");
  const scored = await tx.juryScore.count({ where: { nomination: { campaignId: current.id }, submittedAt: { not: null } } });
  if (scored > 0 && JSON.stringify(current.criteria) !== JSON.stringify(input.criteria)) throw new FieldError("criteria", "评委已开始评分，评分标准不能再改");
  await checkJurors(tx, input.jurorIds);
  const tiers = tierRows(input.tiers);
  const sameTiers =
    JSON.stringify(current.tiers.map(({ category, level, name, quota, rank }) => ({ category, level, name, quota, rank }))) === JSON.stringify(tiers);
  if (!sameTiers) {
    // New tiers invalidate the proposed list: it is cleared and the ranking has to run again.
    await tx.nomination.updateMany({ where: { campaignId: current.id }, data: { tierId: null } });
    await tx.awardTier.deleteMany({ where: { campaignId: current.id } });
    await tx.awardTier.createMany({ data: tiers.map((tier) => ({ ...tier, campaignId: current.id })) });
  }
  await tx.campaignJuror.deleteMany({ where: { campaignId: current.id } });
  await tx.campaignJuror.createMany({ data: [...new Set(input.jurorIds)].map((userId) => ({ campaignId: current.id, userId })) });
  await tx.campaign.update({
    where: { id: current.id },
    data: { ...settings(input), rankedAt: sameTiers ? current.rankedAt : null, version: { increment: 1 } },
  });
  await syncNominationWindow(tx, current.yearId, input.nominationStartsAt, input.nominationEndsAt);
  await writeAudit(
    {
      actor: by.actor,
      action: "campaign.update",
      entityType: "Campaign",
      entityId: current.id,
      summary: sameTiers ? input.title : `${input.title}（奖项调整，需重新生成名单）`,
      ip: by.ip,
    },
    tx,
  );
}

/** The jury's aggregate per nomination: conflicts (declared or by unit) never count. */
export async function juryAggregates(tx: Tx, campaignId: string) {
  const tree = await unitTree(tx);
  const scores = await tx.juryScore.findMany({
    where: { nomination: { campaignId, withdrawnAt: null }, submittedAt: { not: null }, conflictReason: null, total: { not: null } },
    select: { nominationId: true, jurorId: true, total: true, juror: { select: { unitId: true } }, nomination: { select: { unitId: true } } },
  });
  const rows = scores
    .filter((s) => !unitConflict(s.juror.unitId, s.nomination.unitId, tree))
    .map((s) => ({ reviewerId: s.jurorId, proposalId: s.nominationId, total: s.total! }));
  return new Map(aggregate(rows).map((a) => [a.proposalId, a]));
}

export async function rankCampaignRecord(tx: Tx, input: { campaignId: string; version: number }, by: By) {
  const now = by.now ?? new Date();
  const campaign = await lockCampaign(tx, input.campaignId);
  if (campaign.version !== input.version) throw new ActionError(STALE_RECORD);
  CAMPAIGN_MACHINE.assert("rank", campaignPhase(campaign, now), "admin");
  const nominations = await tx.nomination.findMany({
    where: { campaignId: campaign.id, withdrawnAt: null },
    select: { id: true, category: true, level: true, projectId: true, personUserId: true },
  });
  const jury = await juryAggregates(tx, campaign.id);
  const records = await projectRecords(
    nominations.flatMap((n) => (n.projectId ? [n.projectId] : [])),
    campaign.year.year,
    now,
  );
  const cadres = await cadreYearRecords(
    nominations.flatMap((n) => (n.category === "PERSON" && n.personUserId ? [n.personUserId] : [])),
    campaign.year.year,
    now,
  );
  const weights = campaign.weights as unknown as Weights;
  const scored = nominations.map((n) => {
    const juryScore = jury.get(n.id)?.normalizedMean ?? null;
    const juryCount = jury.get(n.id)?.count ?? 0;
    if (n.category === "PERSON") {
      // A cadre's record counts by the admin's weight; a person typed by name has none and is ranked by the jury.
      const cadreRecord = n.personUserId ? cadres.get(n.personUserId) : undefined;
      const parts = personScore(juryScore, cadreRecord?.score ?? null, weights);
      return { ...n, score: parts.score, breakdown: { jury: juryScore, juryCount, person: parts, cadreRecord } };
    }
    const record = n.projectId ? records.get(n.projectId) : undefined;
    if (!record) return { ...n, score: Math.round((juryScore ?? 0) * 100) / 100, breakdown: { jury: juryScore, juryCount } };
    const parts = components(record, juryScore);
    return { ...n, score: compositeScore(parts, weights), breakdown: { ...parts, juryCount, record } };
  });
  const ties: string[] = [];
  for (const group of GROUPS) {
    const entries = scored.filter((n) => n.category === group.category && n.level === group.level);
    const tiers = campaign.tiers.filter((t) => t.category === group.category && t.level === group.level);
    const allocation = allocateAwards(entries, tiers);
    for (const entry of entries) {
      await tx.nomination.update({
        where: { id: entry.id },
        data: {
          score: entry.score,
          breakdown: entry.breakdown as unknown as Prisma.InputJsonValue,
          tierId: allocation.tierOf.get(entry.id) ?? null,
          version: { increment: 1 },
        },
      });
    }
    for (const tie of allocation.ties)
      ties.push(
        `${CATEGORY_LABELS[group.category]}（${LEVEL_LABELS[group.level]}）有 ${tie.ids.length} 项并列，${tie.tierName}余 ${tie.placesLeft} 个名额待调整`,
      );
  }
  await tx.campaign.update({ where: { id: campaign.id }, data: { rankedAt: now, version: { increment: 1 } } });
  await writeAudit(
    {
      actor: by.actor,
      action: "campaign.rank",
      entityType: "Campaign",
      entityId: campaign.id,
      summary: `${nominations.length} 项推荐${ties.length ? `；${ties.join("；")}` : ""}`,
      ip: by.ip,
    },
    tx,
  );
  return { ties };
}

/** Whether a tier has room for one more, not counting the nomination being moved. */
export async function tierHasRoom(tx: Tx, tierId: string, exceptNominationId: string) {
  const tier = await tx.awardTier.findUnique({ where: { id: tierId } });
  if (!tier) return { tier: null, room: false };
  const taken = await tx.nomination.count({ where: { tierId, withdrawnAt: null, id: { not: exceptNominationId } } });
  return { tier, room: taken < tier.quota };
}

/** Moves a nomination to another tier (or off the list) with a reason; used by the admin and by upheld objections. */
export async function changeAward(
  tx: Tx,
  nomination: { id: string; campaignId: string; category: AwardCategory; level: AwardLevel; tierId: string | null; tier: { name: string } | null },
  toTierId: string | null,
  reason: string,
  by: By & { objectionId?: string },
) {
  let toTierName: string | null = null;
  if (toTierId) {
    const { tier, room } = await tierHasRoom(tx, toTierId, nomination.id);
    if (!tier || tier.campaignId !== nomination.campaignId || tier.category !== nomination.category || tier.level !== nomination.level)
      throw new FieldError("tierId", "请选择本类别、本层级的奖次");
    if (!room) throw new FieldError("tierId", `${tier.name}名额已满（${tier.quota} 名），请先调整该奖次中的其他推荐`);
    toTierName = tier.name;
  }
  if (toTierId === nomination.tierId) throw new FieldError("tierId", "奖次没有变化");
  await tx.nomination.update({ where: { id: nomination.id }, data: { tierId: toTierId, version: { increment: 1 } } });
  await tx.awardChange.create({
    data: {
      nominationId: nomination.id,
      fromTierName: nomination.tier?.name ?? null,
      toTierName,
      reason,
      objectionId: by.objectionId ?? null,
      byId: by.actor.id,
    },
  });
}

export async function adjustAwardRecord(tx: Tx, input: { nominationId: string; version: number; tierId: string | null; reason: string }, by: By) {
  const current = await tx.nomination.findUnique({ where: { id: input.nominationId }, include: { tier: true } });
  if (!current || current.withdrawnAt) throw new NotFoundError("推荐不存在");
  const campaign = await lockCampaign(tx, current.campaignId);
  CAMPAIGN_MACHINE.assert("adjust", campaignPhase(campaign, by.now ?? new Date()), "admin");
  if (!campaign.rankedAt) throw new ActionError(CAMPAIGN_MACHINE.transitions.adjust.refusal);
  if (current.version !== input.version) throw new ActionError(STALE_RECORD);
  await changeAward(tx, current, input.tierId, input.reason, by);
  await writeAudit(
    { actor: by.actor, action: CAMPAIGN_MACHINE.transitions.adjust.audit, entityType: "Nomination", entityId: current.id, summary: input.reason, ip: by.ip },
    tx,
  );
}

export async function announceRecord(tx: Tx, input: { campaignId: string; version: number }, by: By) {
  const now = by.now ?? new Date();
  const campaign = await lockCampaign(tx, input.campaignId);
  if (campaign.version !== input.version) throw new ActionError(STALE_RECORD);
  CAMPAIGN_MACHINE.assert("announce", campaignPhase(campaign, now), "admin");
  if (!campaign.rankedAt) throw new ActionError("请先生成拟表彰名单");
  const listed = await tx.nomination.findMany({ where: { campaignId: campaign.id, withdrawnAt: null, tierId: { not: null } }, select: { unitId: true } });
  if (listed.length === 0) throw new ActionError("拟表彰名单为空，不能公示");
  const endsAt = announcementEnd(now, campaign.announcementDays, await loadCalendar(tx));
  await tx.campaign.update({
    where: { id: campaign.id },
    data: { status: "ANNOUNCED", announcedAt: now, announcementEndsAt: endsAt, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: CAMPAIGN_MACHINE.transitions.announce.audit,
      entityType: "Campaign",
      entityId: campaign.id,
      summary: `公示至 ${formatDateTime(endsAt)}`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUnits(tx, [...new Set(listed.map((n) => n.unitId))], {
    kind: "award",
    title: `${campaign.title}拟表彰名单已公示`,
    body: `公示期至 ${formatDateTime(endsAt)}`,
    link: campaignLink(campaign.id),
  });
  return { endsAt };
}

export async function decideRecord(tx: Tx, input: { campaignId: string; version: number; decisionNumber: string }, by: By) {
  const now = by.now ?? new Date();
  const campaign = await lockCampaign(tx, input.campaignId);
  if (campaign.version !== input.version) throw new ActionError(STALE_RECORD);
  const phase = campaignPhase(campaign, now);
  if (phase === "ANNOUNCED") throw new ActionError(`公示期至 ${formatDateTime(campaign.announcementEndsAt)}，期满后才能印发表彰决定`);
  CAMPAIGN_MACHINE.assert("decide", phase, "admin");
  const pending = await tx.objection.count({ where: { campaignId: campaign.id, status: "RECEIVED" } });
  if (pending > 0) throw new ActionError(`还有 ${pending} 件异议未办结，办结后才能印发表彰决定`);
  await tx.campaign.update({
    where: { id: campaign.id },
    data: { status: "DECIDED", decidedAt: now, decisionNumber: input.decisionNumber, version: { increment: 1 } },
  });
  const awarded = await tx.nomination.findMany({ where: { campaignId: campaign.id, withdrawnAt: null, tierId: { not: null } }, select: { unitId: true } });
  await writeAudit(
    {
      actor: by.actor,
      action: CAMPAIGN_MACHINE.transitions.decide.audit,
      entityType: "Campaign",
      entityId: campaign.id,
      summary: `${input.decisionNumber}，表彰 ${awarded.length} 项`,
      ip: by.ip,
    },
    tx,
  );
  await notifyUnits(tx, [...new Set(awarded.map((n) => n.unitId))], {
    kind: "award",
    title: `${campaign.title}表彰决定已印发（${input.decisionNumber}）`,
    link: `${campaignLink(campaign.id)}/decision`,
  });
}
