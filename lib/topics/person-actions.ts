"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import {
  arrangeDefenceRecord,
  awardPersonBidsRecord,
  closeDefenceRecord,
  scoreDefenceRecord,
  submitPersonBidRecord,
  withdrawPersonBidRecord,
} from "@/lib/topics/person-bids";
import {
  arrangeDefenceSchema,
  awardPersonBidsSchema,
  closeDefenceSchema,
  defenceScoreSchema,
  personBidSchema,
  withdrawPersonBidSchema,
} from "@/lib/topics/schemas";

function refresh(topicId: string) {
  revalidatePath(`/topics/${topicId}`);
}

// A person bids in their own name: the bidder and their unit come from the session, never from the form.
export const submitPersonBid = actionClient
  .metadata({ name: "提交个人投标", permission: "topics.bidPersonally" })
  .inputSchema(personBidSchema)
  .action(async ({ parsedInput, ctx }) => {
    const bid = await withFieldErrors(() => db.$transaction((tx) => submitPersonBidRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.topicId);
    return bid;
  });

export const withdrawPersonBid = actionClient
  .metadata({ name: "撤回个人投标", permission: "topics.bidPersonally" })
  .inputSchema(withdrawPersonBidSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => withdrawPersonBidRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.topicId);
    return { topicId: parsedInput.topicId };
  });

export const arrangeDefence = actionClient
  .metadata({ name: "安排个人投标答辩", permission: "topics.publish" })
  .inputSchema(arrangeDefenceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const defence = await withFieldErrors(() => db.$transaction((tx) => arrangeDefenceRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.topicId);
    return defence;
  });

export const closeDefence = actionClient
  .metadata({ name: "结束答辩评分", permission: "topics.publish" })
  .inputSchema(closeDefenceSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => closeDefenceRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.topicId);
    return { topicId: parsedInput.topicId };
  });

// A repeated save: returns what the sheet needs and revalidates nothing (decision 0021).
export const scoreDefence = actionClient
  .metadata({ name: "答辩评分", permission: "hearings.score" })
  .inputSchema(defenceScoreSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(() => db.$transaction((tx) => scoreDefenceRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip }))),
  );

export const awardPersonBids = actionClient
  .metadata({ name: "评定个人投标", permission: "topics.publish" })
  .inputSchema(awardPersonBidsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => awardPersonBidsRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.topicId);
    revalidatePath("/projects");
    return result;
  });
