"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { z, idSchema } from "@/lib/validation";
import { addReportAttachmentRecord, cleanFileName } from "@/lib/projects/attachments";
import { scanUpload } from "@/lib/security/upload-scan";
import { can } from "@/lib/auth/permissions";
import { carrierOf } from "@/lib/projects/carrier";
import { reviewReportRecord, saveReportRecord, submitReportRecord } from "@/lib/reports/service";
import { reviewReportSchema, saveReportSchema, submitReportSchema } from "@/lib/reports/schemas";

// Reports are for the projects the caller carries (lib/projects/carrier.ts): its unit's, or the one it leads; from the session.
export const saveReport = actionClient
  .metadata({ name: "保存季度进展", permission: "reports.submit" })
  .inputSchema(saveReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    // No revalidation: in an action it re-renders the whole page into the response (docs/decisions/0021). The
    // pages showing reports are dynamic, so the next request reads the draft; the form keeps the new version.
    return await withFieldErrors(() => db.$transaction((tx) => saveReportRecord(tx, parsedInput, carrierOf(ctx.user), { actor: ctx.actor, ip: ctx.ip })));
  });

export const submitReport = actionClient
  .metadata({ name: "报送季度进展", permission: "reports.submit" })
  .inputSchema(submitReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await withFieldErrors(() =>
      db.$transaction((tx) => submitReportRecord(tx, parsedInput, carrierOf(ctx.user), { actor: ctx.actor, ip: ctx.ip })),
    );
    revalidatePath("/reports", "layout");
    return result;
  });

export const reviewReport = actionClient
  .metadata({ name: "审核季度进展", permission: "reports.review" })
  .inputSchema(reviewReportSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() =>
      db.$transaction((tx) => reviewReportRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "projects.manage") })),
    );
    revalidatePath("/reports", "layout");
    return { ok: true };
  });

const uploadSchema = z
  .instanceof(FormData, { message: "请选择文件" })
  .transform((form) => ({ projectId: form.get("projectId"), year: Number(form.get("year")), quarter: Number(form.get("quarter")), file: form.get("file") }))
  .pipe(
    z.object({
      projectId: idSchema,
      year: z.number().int().min(2000).max(2100),
      quarter: z.number().int().min(1).max(4),
      file: z.instanceof(File, { message: "请选择文件" }),
    }),
  );

export const uploadReportAttachment = actionClient
  .metadata({ name: "上传进展附件", permission: "reports.submit" })
  .inputSchema(uploadSchema)
  .action(async ({ parsedInput: { file, ...key }, ctx }) => {
    const content = Buffer.from(await file.arrayBuffer());
    await scanUpload({ name: cleanFileName(file.name), content, what: "进展报告附件" }, { actor: ctx.actor, ip: ctx.ip });
    const attachment = await db.$transaction(
      (tx) => addReportAttachmentRecord(tx, { ...key, name: file.name, content }, carrierOf(ctx.user), { actor: ctx.actor, ip: ctx.ip }),
      { timeout: 30_000 },
    );
    revalidatePath("/reports", "layout");
    return { id: attachment.id, fileName: attachment.fileName };
  });
