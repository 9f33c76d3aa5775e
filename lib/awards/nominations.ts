// Units' nominations within their quotas, and the jury's scores of them.
import "server-only";
import { CAMPAIGN_MACHINE, NOMINATION_MACHINE, nominationState } from "@/lib/awards/states";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { scoreProblem, weightedTotal, type Criterion } from "@/lib/hearings/scoring";
import { unitTree } from "@/lib/hearings/service";
import { unitConflict } from "@/lib/hearings/assignment";
import type { NominationInput } from "@/lib/awards/schemas";
import { campaignPhase, CATEGORY_LABELS, levelOfUnit, NOMINABLE_STATES } from "@/lib/awards/phase";
import { lockCampaign, type By } from "@/lib/awards/campaigns";
import { formatDateTime } from "@/lib/time";
import { cadreWhere } from "@/lib/practice/queries";

type Nominator = { unitId: string };

async function nominatingPhase(tx: Tx, campaignId: string, now: Date) {
  const campaign = await lockCampaign(tx, campaignId);
  const phase = campaignPhase(campaign, now);
  if (phase === "NOT_STARTED") throw new ActionError(`推荐自 ${formatDateTime(campaign.nominationStartsAt)} 开始`);
  if (CAMPAIGN_MACHINE.problem("nominate", phase, "unit")) throw new ActionError(`推荐已于 ${formatDateTime(campaign.nominationEndsAt)} 截止`);
  return campaign;
}

/** The unit's own projects of the campaign's year that went through approval. */
async function ownApprovedProjects(tx: Tx, ids: string[], unitId: string, yearId: string) {
  return tx.project.findMany({ where: { id: { in: ids }, unitId, yearId, state: { in: [...NOMINABLE_STATES] } }, select: { id: true, title: true } });
}

/**
 * A cadre the unit may nominate as a user of the app: an active cadre (组工干部) of the nominating section itself.
 * Scoped in the query, so no unit can attach another unit's person (nor any unit outside the department a cadre).
 */
async function nominatedCadre(tx: Tx, userId: string, unitId: string) {
  const cadre = await tx.user.findFirst({ where: { AND: [{ id: userId, unitId }, cadreWhere()] }, select: { id: true, name: true } });
  if (!cadre) throw new FieldError("personUserId", "只能选择本科室在岗的组工干部");
  return cadre;
}

export async function nominateRecord(tx: Tx, input: Omit<NominationInput, "personUserId"> & { personUserId?: string | null }, nominator: Nominator, by: By) {
  const now = by.now ?? new Date();
  const campaign = await nominatingPhase(tx, input.campaignId, now);
  const unit = await tx.unit.findUnique({ where: { id: nominator.unitId } });
  const level = unit?.active ? levelOfUnit(unit.type) : null;
  if (!unit || !level) throw new ActionError("只有乡镇、县直部门和部内科室可以推荐");
  const quota = input.category === "WORK" ? campaign.workQuotaPerUnit : campaign.personQuotaPerUnit;
  const used = await tx.nomination.count({ where: { campaignId: campaign.id, unitId: unit.id, category: input.category, withdrawnAt: null } });
  if (used >= quota)
    throw new FieldError(
      "category",
      quota === 0
        ? `本次不接受${CATEGORY_LABELS[input.category]}推荐`
        : `每个单位最多推荐 ${quota} 项${CATEGORY_LABELS[input.category]}，本单位已推荐 ${used} 项`,
    );
  let title: string;
  let personName: string | null = null;
  let personUserId: string | null = null;
  if (input.category === "WORK") {
    const [project] = await ownApprovedProjects(tx, [input.projectId!], unit.id, campaign.yearId);
    if (!project) throw new FieldError("projectId", `只能推荐本单位${campaign.year.year}年度已立项的项目`);
    const taken = await tx.nomination.findFirst({ where: { campaignId: campaign.id, projectId: project.id } });
    if (taken && !taken.withdrawnAt) throw new FieldError("projectId", "该项目已经推荐过了");
    // One row per project: a nomination withdrawn during the window (so never scored) makes way for the new one.
    if (taken) await tx.nomination.delete({ where: { id: taken.id } });
    title = project.title;
  } else {
    const cadre = input.personUserId ? await nominatedCadre(tx, input.personUserId, unit.id) : null;
    if (cadre) {
      const taken = await tx.nomination.findFirst({ where: { campaignId: campaign.id, personUserId: cadre.id, withdrawnAt: null }, select: { id: true } });
      if (taken) throw new FieldError("personUserId", "该同志已经推荐过了");
    }
    personName = cadre?.name ?? input.personName!;
    personUserId = cadre?.id ?? null;
    title = personName;
  }
  const led = input.ledProjectIds.length ? await ownApprovedProjects(tx, input.ledProjectIds, unit.id, campaign.yearId) : [];
  if (led.length !== new Set(input.ledProjectIds).size) throw new FieldError("ledProjectIds", "只能选择本单位当年已立项的项目");
  const nomination = await tx.nomination.create({
    data: {
      campaignId: campaign.id,
      category: input.category,
      level,
      unitId: unit.id,
      projectId: input.category === "WORK" ? input.projectId! : null,
      personName,
      personUserId,
      personTitle: input.category === "PERSON" ? input.personTitle : null,
      deeds: input.category === "PERSON" ? input.deeds : null,
      statement: input.statement,
      createdById: by.actor.id,
      ledProjects: input.category === "PERSON" ? { create: led.map((p) => ({ projectId: p.id })) } : undefined,
    },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "nomination.create",
      entityType: "Nomination",
      entityId: nomination.id,
      summary: `${CATEGORY_LABELS[input.category]}：${title}`,
      ip: by.ip,
    },
    tx,
  );
  return nomination;
}

async function ownNomination(tx: Tx, id: string, version: number, nominator: Nominator, now: Date, transition: "update" | "withdraw") {
  const current = await tx.nomination.findFirst({ where: { id, unitId: nominator.unitId } });
  if (!current) throw new NotFoundError("推荐不存在");
  NOMINATION_MACHINE.assert(transition, nominationState(current), "unit");
  await nominatingPhase(tx, current.campaignId, now);
  if (current.version !== version) throw new ActionError(STALE_RECORD);
  return current;
}

export async function updateNominationRecord(
  tx: Tx,
  input: { id: string; version: number; personTitle: string | null; deeds: string | null; statement: string },
  nominator: Nominator,
  by: By,
) {
  const current = await ownNomination(tx, input.id, input.version, nominator, by.now ?? new Date(), "update");
  if (current.category === "PERSON") {
    if (!input.personTitle) throw new FieldError("personTitle", "请填写单位职务");
    if (!input.deeds || input.deeds.length < 50) throw new FieldError("deeds", "主要事迹至少 50 个字");
  }
  const person = current.category === "PERSON" ? { personTitle: input.personTitle, deeds: input.deeds } : {};
  await tx.nomination.update({ where: { id: current.id }, data: { ...person, statement: input.statement, version: { increment: 1 } } });
  await writeAudit(
    {
      actor: by.actor,
      action: NOMINATION_MACHINE.transitions.update.audit,
      entityType: "Nomination",
      entityId: current.id,
      summary: current.personName ?? undefined,
      ip: by.ip,
    },
    tx,
  );
}

export async function withdrawNominationRecord(tx: Tx, input: { id: string; version: number }, nominator: Nominator, by: By) {
  const now = by.now ?? new Date();
  const current = await ownNomination(tx, input.id, input.version, nominator, now, "withdraw");
  await tx.nomination.update({ where: { id: current.id }, data: { withdrawnAt: now, version: { increment: 1 } } });
  await writeAudit(
    {
      actor: by.actor,
      action: NOMINATION_MACHINE.transitions.withdraw.audit,
      entityType: "Nomination",
      entityId: current.id,
      summary: current.personName ?? undefined,
      ip: by.ip,
    },
    tx,
  );
}

/** A juror's view of one nomination: refused when not on the jury, conflicted by unit, or the nomination is withdrawn. */
export async function juryTask(tx: Tx, nominationId: string, jurorId: string) {
  const nomination = await tx.nomination.findFirst({
    where: { id: nominationId, withdrawnAt: null, campaign: { jurors: { some: { userId: jurorId } } } },
    include: { campaign: true },
  });
  if (!nomination) throw new NotFoundError("评审任务不存在");
  const juror = await tx.user.findUniqueOrThrow({ where: { id: jurorId }, select: { unitId: true } });
  if (unitConflict(juror.unitId, nomination.unitId, await unitTree(tx))) throw new ActionError("本单位或上下级单位的推荐须回避，不能评分");
  return nomination;
}

type JuryScoreInput = { nominationId: string; version?: number; values: Record<string, number | null>; comment: string | null; submit: boolean };

export async function saveJuryScoreRecord(tx: Tx, input: JuryScoreInput, jurorId: string, by: By) {
  const now = by.now ?? new Date();
  const nomination = await juryTask(tx, input.nominationId, jurorId);
  await tx.$queryRaw`SELECT 1 FROM "Campaign" WHERE "id" = ${nomination.campaignId} FOR SHARE`;
  const phase = campaignPhase(nomination.campaign, now);
  if (phase === "NOT_STARTED" || phase === "NOMINATING") throw new ActionError("推荐截止后才能评分");
  if (CAMPAIGN_MACHINE.problem("score", phase, "juror") || nomination.campaign.rankedAt)
    throw new ActionError(nomination.campaign.rankedAt ? "拟表彰名单已生成，评分已结束" : "评分已结束");
  const existing = await tx.juryScore.findUnique({ where: { nominationId_jurorId: { nominationId: nomination.id, jurorId } } });
  if (existing?.conflictReason) throw new ActionError("您已声明回避，不能评分");
  if (existing && input.version !== undefined && existing.version !== input.version) throw new ActionError(STALE_RECORD);
  const criteria = nomination.campaign.criteria as unknown as Criterion[];
  const values: Record<string, number> = {};
  for (const c of criteria) if (input.values[c.key] !== null && input.values[c.key] !== undefined) values[c.key] = input.values[c.key]!;
  const problem = input.submit
    ? scoreProblem(criteria, values)
    : scoreProblem(
        criteria.filter((c) => c.key in values),
        values,
      );
  if (problem) throw new FieldError("values", problem);
  const total = input.submit ? weightedTotal(criteria, values) : null;
  const data = { values: values as Prisma.InputJsonValue, total, comment: input.comment, submittedAt: input.submit ? now : null };
  const saved = existing
    ? await tx.juryScore.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
    : await tx.juryScore.create({ data: { ...data, nominationId: nomination.id, jurorId } });
  if (input.submit)
    await writeAudit(
      {
        actor: by.actor,
        action: CAMPAIGN_MACHINE.transitions.score.audit,
        entityType: "Nomination",
        entityId: nomination.id,
        summary: `总分 ${total}`,
        ip: by.ip,
      },
      tx,
    );
  return { submitted: input.submit, total, version: saved.version };
}

export async function declareJuryConflictRecord(tx: Tx, input: { nominationId: string; reason: string }, jurorId: string, by: By) {
  const nomination = await juryTask(tx, input.nominationId, jurorId);
  if (nomination.campaign.rankedAt || nomination.campaign.status !== "OPEN") throw new ActionError("评分已结束");
  await tx.juryScore.upsert({
    where: { nominationId_jurorId: { nominationId: nomination.id, jurorId } },
    create: { nominationId: nomination.id, jurorId, conflictReason: input.reason },
    update: { conflictReason: input.reason, values: undefined, total: null, submittedAt: null, version: { increment: 1 } },
  });
  await writeAudit({ actor: by.actor, action: "jury.conflict", entityType: "Nomination", entityId: nomination.id, summary: input.reason, ip: by.ip }, tx);
}
