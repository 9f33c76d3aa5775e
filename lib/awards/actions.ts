"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { actionClient, publicActionClient, withFieldErrors } from "@/lib/actions/client";
import { ActionError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { checkPublicChallenge } from "@/lib/security/public-challenge";
import { addressKey, consumeRateLimit } from "@/lib/security/rate-limit";
import {
  adjustSchema,
  announceSchema,
  campaignSchema,
  decideSchema,
  handleObjectionSchema,
  juryConflictSchema,
  juryScoreSchema,
  nominationSchema,
  objectionSchema,
  rankSchema,
  updateCampaignSchema,
  updateNominationSchema,
  withdrawNominationSchema,
} from "@/lib/awards/schemas";
import { adjustAwardRecord, announceRecord, createCampaignRecord, decideRecord, rankCampaignRecord, updateCampaignRecord } from "@/lib/awards/campaigns";
import { declareJuryConflictRecord, nominateRecord, saveJuryScoreRecord, updateNominationRecord, withdrawNominationRecord } from "@/lib/awards/nominations";
import { createObjectionRecord, handleObjectionRecord } from "@/lib/awards/objections";

const refresh = (campaignId?: string) => revalidatePath(campaignId ? `/awards/${campaignId}` : "/awards", "layout");

export const createCampaign = actionClient
  .metadata({ name: "开启评比表彰", permission: "awards.manage" })
  .inputSchema(campaignSchema)
  .action(async ({ parsedInput, ctx }) => {
    const campaign = await withFieldErrors(() => db.$transaction((tx) => createCampaignRecord(tx, parsedInput, ctx)));
    refresh();
    return { id: campaign.id };
  });

export const updateCampaign = actionClient
  .metadata({ name: "修改评比表彰设置", permission: "awards.manage" })
  .inputSchema(updateCampaignSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updateCampaignRecord(tx, parsedInput, ctx)));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const nominate = actionClient
  .metadata({ name: "推荐", permission: "awards.nominate" })
  .inputSchema(nominationSchema)
  .action(async ({ parsedInput, ctx }) => {
    const nomination = await withFieldErrors(() => db.$transaction((tx) => nominateRecord(tx, parsedInput, { unitId: ctx.user.unitId }, ctx)));
    refresh(parsedInput.campaignId);
    return { id: nomination.id };
  });

export const updateNomination = actionClient
  .metadata({ name: "修改推荐", permission: "awards.nominate" })
  .inputSchema(updateNominationSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updateNominationRecord(tx, parsedInput, { unitId: ctx.user.unitId }, ctx)));
    refresh();
    return { id: parsedInput.id };
  });

export const withdrawNomination = actionClient
  .metadata({ name: "撤回推荐", permission: "awards.nominate" })
  .inputSchema(withdrawNominationSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => withdrawNominationRecord(tx, parsedInput, { unitId: ctx.user.unitId }, ctx));
    refresh();
    return { id: parsedInput.id };
  });

export const saveJuryScore = actionClient
  .metadata({ name: "评比评分", permission: "awards.score" })
  .inputSchema(juryScoreSchema)
  .action(async ({ parsedInput, ctx }) => {
    // No revalidation: the sheet takes the new version and total from the result (lib/hearings/actions.ts saveScore).
    return await withFieldErrors(() => db.$transaction((tx) => saveJuryScoreRecord(tx, parsedInput, ctx.user.id, ctx)));
  });

export const declareJuryConflict = actionClient
  .metadata({ name: "评比声明回避", permission: "awards.score" })
  .inputSchema(juryConflictSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => declareJuryConflictRecord(tx, parsedInput, ctx.user.id, ctx)));
    revalidatePath("/reviews", "layout");
    return { id: parsedInput.nominationId };
  });

export const rankCampaign = actionClient
  .metadata({ name: "生成拟表彰名单", permission: "awards.manage" })
  .inputSchema(rankSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await db.$transaction((tx) => rankCampaignRecord(tx, parsedInput, ctx), { timeout: 30_000 });
    refresh(parsedInput.campaignId);
    return result;
  });

export const adjustAward = actionClient
  .metadata({ name: "调整拟表彰名单", permission: "awards.manage" })
  .inputSchema(adjustSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => adjustAwardRecord(tx, parsedInput, ctx)));
    refresh();
    return { id: parsedInput.nominationId };
  });

export const announceCampaign = actionClient
  .metadata({ name: "发布公示", permission: "awards.manage" })
  .inputSchema(announceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await db.$transaction((tx) => announceRecord(tx, parsedInput, ctx));
    refresh(parsedInput.campaignId);
    revalidatePath(`/announcements/${parsedInput.campaignId}`);
    return result;
  });

export const decideCampaign = actionClient
  .metadata({ name: "印发表彰决定", permission: "awards.manage" })
  .inputSchema(decideSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => decideRecord(tx, parsedInput, ctx)));
    refresh(parsedInput.campaignId);
    return { id: parsedInput.campaignId };
  });

export const handleObjection = actionClient
  .metadata({ name: "处理异议", permission: "awards.objections" })
  .inputSchema(handleObjectionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => handleObjectionRecord(tx, parsedInput, ctx)));
    refresh();
    return { id: parsedInput.id };
  });

const OBJECTION_LIMITS = [
  { name: "objection-10m", limit: 5, windowSeconds: 600 },
  { name: "objection-day", limit: 20, windowSeconds: 86_400 },
];

/** Anyone, signed in or not, may object during the announcement; a question and a rate limit keep bots out. */
export const raiseObjection = publicActionClient
  .metadata({ name: "提出异议", permission: "public" })
  .inputSchema(objectionSchema)
  .action(async ({ parsedInput: { challengeToken, challengeAnswer, website, ...input }, ctx }) => {
    if (website) throw new ActionError("提交失败，请稍后再试");
    if (!challengeAnswer) returnValidationErrors(objectionSchema, { challengeAnswer: { _errors: ["请回答验证题"] } });
    const checked = await checkPublicChallenge(challengeToken ?? "", challengeAnswer ?? "", ctx.ip);
    if ("problem" in checked) returnValidationErrors(objectionSchema, { challengeAnswer: { _errors: [checked.problem] } });
    const { allowed } = await consumeRateLimit(addressKey(ctx.ip), OBJECTION_LIMITS);
    if (!allowed) {
      await writeAudit({ actor: ctx.actor, action: "objection.create", summary: "提交过于频繁", ip: ctx.ip, outcome: "DENIED" });
      throw new ActionError("提交过于频繁，请稍后再试");
    }
    try {
      const objection = await withFieldErrors(() =>
        db.$transaction(async (tx) => {
          // One answer, one objection: a replayed question (or a double click) is refused here.
          await tx.challengeUse.create({ data: { nonce: (checked as { nonce: string }).nonce } });
          return createObjectionRecord(tx, input, { ip: ctx.ip });
        }),
      );
      return { id: objection.id.slice(-8).toUpperCase() };
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") throw new ActionError("该验证题已使用过，请换一题后再提交");
      throw error;
    }
  });
