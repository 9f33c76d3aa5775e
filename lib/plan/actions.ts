"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import {
  addItemSchema,
  copyPlanSchema,
  createPlanSchema,
  kindSchema,
  moveItemSchema,
  placeSchema,
  planTransitionSchema,
  removeItemSchema,
  updateItemSchema,
  updateKindSchema,
  updatePlanSchema,
} from "@/lib/plan/schemas";
import {
  addItemRecord,
  copyPlanRecord,
  createKindRecord,
  createPlanRecord,
  moveItemRecord,
  placeRecord,
  removeItemRecord,
  transitionPlanRecord,
  updateItemRecord,
  updateKindRecord,
  updatePlanRecord,
} from "@/lib/plan/service";

// The plan is the county's, one per year: the admin's permission is the whole check (no unit scope applies);
// every record is looked up by its own id and its plan's row is locked in the service.

export const createPlan = actionClient
  .metadata({ name: "新建年度工作要点", permission: "plan.manage" })
  .inputSchema(createPlanSchema)
  .action(async ({ parsedInput, ctx }) => {
    const plan = await withFieldErrors(() => db.$transaction((tx) => createPlanRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { id: plan.id };
  });

export const copyPlan = actionClient
  .metadata({ name: "复制上年度工作要点", permission: "plan.manage" })
  .inputSchema(copyPlanSchema)
  .action(async ({ parsedInput, ctx }) => {
    const plan = await withFieldErrors(() => db.$transaction((tx) => copyPlanRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { id: plan.id };
  });

export const updatePlan = actionClient
  .metadata({ name: "修改工作要点主题", permission: "plan.manage" })
  .inputSchema(updatePlanSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updatePlanRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { ok: true };
  });

export const transitionPlan = actionClient
  .metadata({ name: "印发或撤回工作要点", permission: "plan.manage" })
  .inputSchema(planTransitionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => transitionPlanRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { ok: true };
  });

export const addPlanItem = actionClient
  .metadata({ name: "新增工作要点条目", permission: "plan.manage" })
  .inputSchema(addItemSchema)
  .action(async ({ parsedInput, ctx }) => {
    const item = await withFieldErrors(() => db.$transaction((tx) => addItemRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { id: item.id };
  });

export const updatePlanItem = actionClient
  .metadata({ name: "修改工作要点条目", permission: "plan.manage" })
  .inputSchema(updateItemSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updateItemRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { ok: true };
  });

export const movePlanItem = actionClient
  .metadata({ name: "调整工作要点条目顺序", permission: "plan.manage" })
  .inputSchema(moveItemSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => moveItemRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { ok: true };
  });

export const removePlanItem = actionClient
  .metadata({ name: "删除工作要点条目", permission: "plan.manage" })
  .inputSchema(removeItemSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => removeItemRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { ok: true };
  });

export const createPlanKind = actionClient
  .metadata({ name: "新增条目类型", permission: "plan.manage" })
  .inputSchema(kindSchema)
  .action(async ({ parsedInput, ctx }) => {
    const kind = await withFieldErrors(() => db.$transaction((tx) => createKindRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { id: kind.id };
  });

export const updatePlanKind = actionClient
  .metadata({ name: "修改条目类型", permission: "plan.manage" })
  .inputSchema(updateKindSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => updateKindRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/plan", "layout");
    return { ok: true };
  });

export const placeUnderProgramme = actionClient
  .metadata({ name: "归入工程", permission: "plan.manage" })
  .inputSchema(placeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => placeRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    return { ok: true };
  });
