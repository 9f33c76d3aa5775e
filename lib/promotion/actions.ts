"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db, type Tx } from "@/lib/db/client";
import { createAdoptionRecord, markProjectRecord, revokeMarkRecord, updateAdoptionRecord } from "@/lib/promotion/service";
import { adoptionSchema, markSchema, revokeMarkSchema, updateAdoptionSchema } from "@/lib/promotion/schemas";

const inTx = <T>(work: (tx: Tx) => Promise<T>) => withFieldErrors(() => db.$transaction(work, { maxWait: 10_000, timeout: 30_000 }));
const refresh = () => {
  revalidatePath("/cases", "layout");
  revalidatePath("/projects", "layout");
};

export const markProject = actionClient
  .metadata({ name: "认定品牌精品示范项目", permission: "promotion.mark" })
  .inputSchema(markSchema)
  .action(async ({ parsedInput, ctx }) => {
    const mark = await inTx((tx) => markProjectRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: mark.id };
  });

export const revokeMark = actionClient
  .metadata({ name: "撤销品牌精品示范认定", permission: "promotion.mark" })
  .inputSchema(revokeMarkSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => revokeMarkRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: parsedInput.id };
  });

export const recordAdoption = actionClient
  .metadata({ name: "记录借鉴推广", permission: "adoptions.record" })
  .inputSchema(adoptionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const adoption = await inTx((tx) => createAdoptionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, unitId: ctx.user.unitId }));
    refresh();
    return { id: adoption.id };
  });

export const updateAdoption = actionClient
  .metadata({ name: "修改借鉴推广记录", permission: "adoptions.record" })
  .inputSchema(updateAdoptionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => updateAdoptionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, unitId: ctx.user.unitId }));
    refresh();
    return { id: parsedInput.id };
  });
