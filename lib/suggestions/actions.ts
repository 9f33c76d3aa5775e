"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { actionClient, publicActionClient, rethrowFieldError } from "@/lib/actions/client";
import { ActionError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { createChallenge } from "@/lib/security/challenge";
import { challengeSecret, checkPublicChallenge } from "@/lib/security/public-challenge";
import { can } from "@/lib/auth/permissions";
import { addressKey, consumeRateLimit } from "@/lib/security/rate-limit";
import { aspectSchema, submitSuggestionSchema, triageSchema, updateAspectSchema } from "@/lib/suggestions/schemas";
import { createSuggestionRecord, triageSuggestionRecord } from "@/lib/suggestions/service";
import { SUGGESTION_LIMITS } from "@/lib/suggestions/catalog";

export const submitSuggestion = publicActionClient
  .metadata({ name: "提交建议", permission: "public" })
  .inputSchema(submitSuggestionSchema)
  .action(async ({ parsedInput: { challengeToken, challengeAnswer, website, ...input }, ctx }) => {
    // A bot that filled the hidden field is told nothing useful.
    if (website) throw new ActionError("提交失败，请稍后再试");
    // Signed in without suggestions.submit (security, audit admins): a visitor, as the page shows it.
    const author = ctx.user && can(ctx.user.roles, "suggestions.submit") ? ctx.user : null;
    const authorActor = author ? ctx.actor : null;
    let nonce: string | null = null;
    if (!author) {
      if (!challengeAnswer) returnValidationErrors(submitSuggestionSchema, { challengeAnswer: { _errors: ["请回答验证题"] } });
      const checked = await checkPublicChallenge(challengeToken ?? "", challengeAnswer ?? "", ctx.ip);
      if ("problem" in checked) returnValidationErrors(submitSuggestionSchema, { challengeAnswer: { _errors: [checked.problem] } });
      else nonce = checked.nonce;
    }
    const { allowed } = await consumeRateLimit(author ? `user:${author.id}` : addressKey(ctx.ip), SUGGESTION_LIMITS);
    if (!allowed) {
      await writeAudit({ actor: authorActor, action: "suggestion.rate_limited", ip: ctx.ip, outcome: "DENIED" });
      throw new ActionError("提交过于频繁，请稍后再试");
    }
    try {
      const suggestion = await db.$transaction(async (tx) => {
        // One answer, one suggestion: a replayed token (or a double click) is refused here.
        if (nonce) await tx.challengeUse.create({ data: { nonce } });
        return createSuggestionRecord(tx, input, { actor: authorActor, unitId: author?.unitId ?? null, ip: ctx.ip });
      });
      revalidatePath("/suggestions");
      return { receiptNo: suggestion.receiptNo };
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") throw new ActionError("该验证题已使用过，请换一题后再提交");
      rethrowFieldError(error);
    }
  });

/** A fresh question for a visitor whose question expired, without reloading (and losing) the form. */
export const newChallenge = publicActionClient.metadata({ name: "换一道验证题", permission: "public" }).action(async () => createChallenge(challengeSecret()));

export const triageSuggestion = actionClient
  .metadata({ name: "处理建议", permission: "suggestions.triage" })
  .inputSchema(triageSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      await db.$transaction((tx) => triageSuggestionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    } catch (error) {
      rethrowFieldError(error);
    }
    revalidatePath("/suggestions");
    return { id: parsedInput.id };
  });

export const createAspect = actionClient
  .metadata({ name: "新增建议方面", permission: "suggestions.configure" })
  .inputSchema(aspectSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (await db.suggestionAspect.findUnique({ where: { category_name: { category: parsedInput.category, name: parsedInput.name } } })) {
      returnValidationErrors(aspectSchema, { name: { _errors: ["该类别下已有同名方面"] } });
    }
    const aspect = await db.$transaction(async (tx) => {
      const created = await tx.suggestionAspect.create({ data: parsedInput });
      await writeAudit(
        { actor: ctx.actor, action: "aspect.create", entityType: "SuggestionAspect", entityId: created.id, summary: created.name, ip: ctx.ip },
        tx,
      );
      return created;
    });
    revalidatePath("/suggestions/aspects");
    return { id: aspect.id };
  });

export const updateAspect = actionClient
  .metadata({ name: "修改建议方面", permission: "suggestions.configure" })
  .inputSchema(updateAspectSchema)
  .action(async ({ parsedInput: { id, version, ...fields }, ctx }) => {
    const clash = await db.suggestionAspect.findFirst({ where: { category: fields.category, name: fields.name, id: { not: id } } });
    if (clash) returnValidationErrors(updateAspectSchema, { name: { _errors: ["该类别下已有同名方面"] } });
    await db.$transaction(async (tx) => {
      const current = await tx.suggestionAspect.findUnique({ where: { id } });
      if (!current) throw new NotFoundError("方面不存在");
      // Moving an aspect to another category would misfile the suggestions already under it.
      if (current.category !== fields.category && (await tx.suggestion.count({ where: { aspectId: id } })) > 0) {
        throw new ActionError("该方面下已有建议，不能改到其他类别");
      }
      const updated = await tx.suggestionAspect.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
      if (updated.count === 0) throw new ActionError(STALE_RECORD);
      await writeAudit(
        {
          actor: ctx.actor,
          action: "aspect.update",
          entityType: "SuggestionAspect",
          entityId: id,
          summary: `${current.name} → ${fields.name}${fields.active ? "" : "（停用）"}`,
          ip: ctx.ip,
        },
        tx,
      );
    });
    revalidatePath("/suggestions/aspects");
    return { id };
  });
