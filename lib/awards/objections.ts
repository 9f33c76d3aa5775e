// 异议: anyone may object to the announced list during the period; staff investigate, answer and, if upheld, change it.
import "server-only";
import { CAMPAIGN_MACHINE, OBJECTION_MACHINE } from "@/lib/awards/states";
import type { Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyAdmins } from "@/lib/notifications/service";
import { campaignPhase } from "@/lib/awards/phase";
import { campaignLink, changeAward, lockCampaign, type By } from "@/lib/awards/campaigns";
import { formatDateTime } from "@/lib/time";

type NewObjection = { campaignId: string; nominationId?: string; content: string; contactName: string; contactPhone: string };

export async function createObjectionRecord(tx: Tx, input: NewObjection, meta: { ip: string | null; now?: Date }) {
  const now = meta.now ?? new Date();
  await tx.$queryRaw`SELECT 1 FROM "Campaign" WHERE "id" = ${input.campaignId} FOR SHARE`;
  const campaign = await tx.campaign.findUnique({ where: { id: input.campaignId } });
  if (!campaign || campaign.status === "OPEN") throw new NotFoundError("公示不存在");
  if (CAMPAIGN_MACHINE.problem("object", campaignPhase(campaign, now), "public"))
    throw new ActionError(`公示期已于 ${formatDateTime(campaign.announcementEndsAt)} 结束，不再受理异议`);
  if (input.nominationId) {
    const listed = await tx.nomination.findFirst({ where: { id: input.nominationId, campaignId: campaign.id, withdrawnAt: null, tierId: { not: null } } });
    if (!listed) throw new FieldError("nominationId", "请选择公示名单中的对象");
  }
  const objection = await tx.objection.create({
    data: {
      campaignId: campaign.id,
      nominationId: input.nominationId || null,
      content: input.content,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
    },
  });
  await writeAudit(
    { actor: null, action: CAMPAIGN_MACHINE.transitions.object.audit, entityType: "Objection", entityId: objection.id, summary: campaign.title, ip: meta.ip },
    tx,
  );
  await notifyAdmins(tx, {
    kind: "award",
    title: `${campaign.title}公示收到一件异议`,
    body: input.content.slice(0, 100),
    link: `${campaignLink(campaign.id)}/objections`,
  });
  return objection;
}

type Handling = { id: string; version: number; upheld: boolean; investigation: string; answer: string; effect: "none" | "remove" | "change"; tierId?: string };

export async function handleObjectionRecord(tx: Tx, input: Handling, by: By) {
  const now = by.now ?? new Date();
  const objection = await tx.objection.findUnique({ where: { id: input.id } });
  if (!objection) throw new NotFoundError("异议不存在");
  const campaign = await lockCampaign(tx, objection.campaignId);
  CAMPAIGN_MACHINE.assert("handleObjection", campaignPhase(campaign, now), "admin");
  const transition = input.upheld ? "uphold" : "dismiss";
  if (objection.version !== input.version || OBJECTION_MACHINE.problem(transition, objection.status, "admin")) throw new ActionError(STALE_RECORD);
  if (input.effect !== "none") {
    const nomination = objection.nominationId ? await tx.nomination.findUnique({ where: { id: objection.nominationId }, include: { tier: true } }) : null;
    if (!nomination) throw new FieldError("effect", "该异议未针对名单中的具体对象，不能据此调整名单");
    if (!nomination.tierId) throw new FieldError("effect", "该对象已不在名单中");
    await changeAward(tx, nomination, input.effect === "remove" ? null : input.tierId!, `异议成立：${input.answer}`, { ...by, objectionId: objection.id });
  }
  await tx.objection.update({
    where: { id: objection.id },
    data: {
      status: OBJECTION_MACHINE.transitions[transition].to,
      investigation: input.investigation,
      answer: input.answer,
      handledById: by.actor.id,
      handledAt: now,
      version: { increment: 1 },
    },
  });
  const effect = input.effect === "remove" ? "，撤销表彰" : input.effect === "change" ? "，调整奖次" : "";
  await writeAudit(
    {
      actor: by.actor,
      action: OBJECTION_MACHINE.transitions[transition].audit,
      entityType: "Objection",
      entityId: objection.id,
      summary: `${input.upheld ? "异议成立" : "异议不成立"}${effect}`,
      ip: by.ip,
    },
    tx,
  );
}
