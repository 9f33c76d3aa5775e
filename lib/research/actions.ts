"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import {
  createAreaRecord,
  createTopicRecord,
  markProposalRecord,
  reviewTopicRecord,
  saveReportRecord,
  startTopicRecord,
  submitReportRecord,
  updateAreaRecord,
  updateTopicRecord,
} from "@/lib/research/service";
import {
  areaSchema,
  createTopicSchema,
  markProposalSchema,
  reviewTopicSchema,
  saveReportSchema,
  topicActionSchema,
  updateAreaSchema,
  updateTopicSchema,
} from "@/lib/research/schemas";

export const createResearchTopic = actionClient
  .metadata({ name: "设立调研课题", permission: "research.manage" })
  .inputSchema(createTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    const topic = await withFieldErrors(() => db.$transaction((tx) => createTopicRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research", "layout");
    return { id: topic.id };
  });

export const updateResearchTopic = actionClient
  .metadata({ name: "修改调研课题", permission: "research.manage" })
  .inputSchema(updateTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => updateTopicRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research", "layout");
    return result;
  });

// The team's actions: the topic is looked up among the caller's own (lead or member) in the service.
export const startResearch = actionClient
  .metadata({ name: "开始调研", permission: "research.write" })
  .inputSchema(topicActionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => startTopicRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research", "layout");
    return result;
  });

/** A repeated save: returns the new version and revalidates nothing (decision 0021). */
export const saveResearchReport = actionClient
  .metadata({ name: "保存调研报告", permission: "research.write" })
  .inputSchema(saveReportSchema)
  .action(async ({ parsedInput, ctx }) => withFieldErrors(() => db.$transaction((tx) => saveReportRecord(tx, parsedInput, ctx.user.id))));

export const submitResearchReport = actionClient
  .metadata({ name: "提交调研报告", permission: "research.write" })
  .inputSchema(topicActionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => submitReportRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research", "layout");
    return result;
  });

export const reviewResearchTopic = actionClient
  .metadata({ name: "审核调研报告", permission: "research.review" })
  .inputSchema(reviewTopicSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => reviewTopicRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research", "layout");
    return { ok: true };
  });

export const markResearchProposal = actionClient
  .metadata({ name: "批示调研建议", permission: "research.mark" })
  .inputSchema(markProposalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => markProposalRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research", "layout");
    return result;
  });

export const createResearchArea = actionClient
  .metadata({ name: "新增调研领域", permission: "research.manage" })
  .inputSchema(areaSchema)
  .action(async ({ parsedInput, ctx }) => {
    const area = await withFieldErrors(() => db.$transaction((tx) => createAreaRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research/areas");
    return { id: area.id };
  });

export const updateResearchArea = actionClient
  .metadata({ name: "修改调研领域", permission: "research.manage" })
  .inputSchema(updateAreaSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updateAreaRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/research/areas");
    return { id: parsedInput.id };
  });
