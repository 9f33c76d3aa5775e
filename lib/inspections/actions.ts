"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db, type Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import {
  addInspectionProjectsRecord,
  addRectificationRecord,
  answerRectificationRecord,
  createInspectionRecord,
  publishInspectionRecord,
  reviewRectificationRecord,
  saveItemRecord,
  saveOverviewRecord,
} from "@/lib/inspections/service";
import {
  answerSchema,
  createInspectionSchema,
  inspectionProjectsSchema,
  itemSchema,
  overviewSchema,
  publishSchema,
  rectificationSchema,
  reviewRectificationSchema,
} from "@/lib/inspections/schemas";

const inTx = <T>(work: (tx: Tx) => Promise<T>) => withFieldErrors(() => db.$transaction(work, { maxWait: 10_000, timeout: 30_000 }));
const refresh = () => revalidatePath("/inspections", "layout");

export const createInspection = actionClient
  .metadata({ name: "组建督查组", permission: "inspections.manage" })
  .inputSchema(createInspectionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const inspection = await inTx((tx) => createInspectionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: inspection.id };
  });

export const addInspectionProjects = actionClient
  .metadata({ name: "选定督查项目", permission: "inspections.manage" })
  .inputSchema(inspectionProjectsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => addInspectionProjectsRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return result;
  });

export const saveOverview = actionClient
  .metadata({ name: "撰写督查总体情况", permission: "inspections.write" })
  .inputSchema(overviewSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => saveOverviewRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "inspections.manage") }));
    refresh();
    return { ok: true };
  });

export const saveInspectionItem = actionClient
  .metadata({ name: "撰写项目督查意见", permission: "inspections.write" })
  .inputSchema(itemSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => saveItemRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "inspections.manage") }));
    refresh();
    return { ok: true };
  });

export const addRectification = actionClient
  .metadata({ name: "提出整改事项", permission: "inspections.write" })
  .inputSchema(rectificationSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => addRectificationRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "inspections.manage") }));
    refresh();
    return { ok: true };
  });

export const publishInspection = actionClient
  .metadata({ name: "发布督查报告", permission: "inspections.manage" })
  .inputSchema(publishSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => publishInspectionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    revalidatePath("/projects", "layout");
    return { ok: true };
  });

export const answerRectification = actionClient
  .metadata({ name: "答复整改", permission: "inspections.answer" })
  .inputSchema(answerSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => answerRectificationRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { ok: true };
  });

export const reviewRectification = actionClient
  .metadata({ name: "验收整改", permission: "inspections.write" })
  .inputSchema(reviewRectificationSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => reviewRectificationRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "inspections.manage") }));
    refresh();
    return { ok: true };
  });
