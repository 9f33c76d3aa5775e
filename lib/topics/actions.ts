"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { closeClaimsRecord, createTopicRecord, publishCatalogueRecord, updateTopicRecord, withdrawTopicRecord } from "@/lib/topics/service";
import { answerAssignmentRecord, awardBidsRecord, submitBidRecord, takeTopicRecord } from "@/lib/topics/claims";
import {
  answerAssignmentSchema,
  awardBidsSchema,
  bidSchema,
  closeClaimsSchema,
  createTopicSchema,
  publishCatalogueSchema,
  takeTopicSchema,
  updateTopicSchema,
  withdrawTopicSchema,
} from "@/lib/topics/schemas";

function refresh(topicId?: string) {
  revalidatePath("/topics");
  if (topicId) revalidatePath(`/topics/${topicId}`);
}

export const createTopic = actionClient
  .metadata({ name: "拟定选题", permission: "topics.manage" })
  .inputSchema(createTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    const topic = await withFieldErrors(() => db.$transaction((tx) => createTopicRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    refresh();
    revalidatePath("/suggestions");
    return { id: topic.id, code: topic.code };
  });

export const updateTopic = actionClient
  .metadata({ name: "修改选题", permission: "topics.manage" })
  .inputSchema(updateTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updateTopicRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const publishCatalogue = actionClient
  .metadata({ name: "发布参考选题", permission: "topics.publish" })
  .inputSchema(publishCatalogueSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await db.$transaction((tx) => publishCatalogueRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }), { timeout: 30_000 });
    refresh();
    revalidatePath("/", "layout");
    return result;
  });

export const withdrawTopic = actionClient
  .metadata({ name: "撤回选题", permission: "topics.publish" })
  .inputSchema(withdrawTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => withdrawTopicRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const closeClaims = actionClient
  .metadata({ name: "提前截止认领", permission: "topics.publish" })
  .inputSchema(closeClaimsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => closeClaimsRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

// Claims are always for the caller's own unit: the unit comes from the session, never from the form.
export const takeTopic = actionClient
  .metadata({ name: "认领选题", permission: "topics.claim" })
  .inputSchema(takeTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => takeTopicRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.topicId);
    return { topicId: parsedInput.topicId };
  });

export const submitBid = actionClient
  .metadata({ name: "提交投标", permission: "topics.claim" })
  .inputSchema(bidSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => submitBidRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.topicId);
    return { topicId: parsedInput.topicId };
  });

export const answerAssignment = actionClient
  .metadata({ name: "答复发包", permission: "topics.claim" })
  .inputSchema(answerAssignmentSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => answerAssignmentRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.topicId);
    return { topicId: parsedInput.topicId };
  });

export const awardBids = actionClient
  .metadata({ name: "评标", permission: "topics.publish" })
  .inputSchema(awardBidsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => awardBidsRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.topicId);
    return result;
  });
