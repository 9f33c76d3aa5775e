"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { reviewPracticeRecord, savePracticeRecord, setSectionHeadRecord, submitPracticeRecord } from "@/lib/practice/service";
import { reviewPracticeSchema, savePracticeSchema, setSectionHeadSchema, submitPracticeSchema } from "@/lib/practice/schemas";

// A cadre's items are always their own: the cadre comes from the session.
export const savePractice = actionClient
  .metadata({ name: "保存四个一", permission: "practice.write" })
  .inputSchema(savePracticeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => savePracticeRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/practice", "layout");
    return result;
  });

export const submitPractice = actionClient
  .metadata({ name: "提交四个一", permission: "practice.write" })
  .inputSchema(submitPracticeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => submitPracticeRecord(tx, parsedInput, ctx.user.id, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/practice", "layout");
    return result;
  });

export const reviewPractice = actionClient
  .metadata({ name: "审核四个一", permission: "practice.review" })
  .inputSchema(reviewPracticeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => reviewPracticeRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/practice", "layout");
    return { ok: true };
  });

export const setSectionHead = actionClient
  .metadata({ name: "设置科室负责人", permission: "practice.configure" })
  .inputSchema(setSectionHeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => setSectionHeadRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/practice", "layout");
    return { ok: true };
  });
