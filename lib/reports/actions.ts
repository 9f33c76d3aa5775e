"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { reviewReportRecord, saveReportRecord, submitReportRecord } from "@/lib/reports/service";
import { reviewReportSchema, saveReportSchema, submitReportSchema } from "@/lib/reports/schemas";

// Reports are always for the caller's own unit's projects: the unit comes from the session.
export const saveReport = actionClient
  .metadata({ name: "保存季度进展", permission: "reports.submit" })
  .inputSchema(saveReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => saveReportRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/reports", "layout");
    return result;
  });

export const submitReport = actionClient
  .metadata({ name: "报送季度进展", permission: "reports.submit" })
  .inputSchema(submitReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() => db.$transaction((tx) => submitReportRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip })));
    revalidatePath("/reports", "layout");
    return result;
  });

export const reviewReport = actionClient
  .metadata({ name: "审核季度进展", permission: "reports.review" })
  .inputSchema(reviewReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => reviewReportRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "projects.manage") })));
    revalidatePath("/reports", "layout");
    return { ok: true };
  });
