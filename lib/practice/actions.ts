"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { fileStore } from "@/lib/storage";
import { scanUpload } from "@/lib/security/upload-scan";
import { cleanFileName } from "@/lib/projects/attachments";
import {
  addPracticeAttachmentRecord,
  removePracticeAttachmentRecord,
  reviewPracticeRecord,
  savePracticeRecord,
  setSectionHeadRecord,
  submitPracticeRecord,
} from "@/lib/practice/service";
import {
  removePracticeAttachmentSchema,
  reviewPracticeSchema,
  savePracticeSchema,
  setSectionHeadSchema,
  submitPracticeSchema,
  uploadPracticeAttachmentSchema,
} from "@/lib/practice/schemas";

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

/** A file of the cadre's own item; the first one makes the draft (the form adopts its version). */
export const uploadPracticeAttachment = actionClient
  .metadata({ name: "上传四个一附件", permission: "practice.write" })
  .inputSchema(uploadPracticeAttachmentSchema)
  .action(async ({ parsedInput: { file, ...key }, ctx }) => {
    const content = Buffer.from(await file.arrayBuffer());
    await scanUpload({ name: cleanFileName(file.name), content, what: "四个一附件" }, { actor: ctx.actor, ip: ctx.ip });
    const attachment = await db.$transaction(
      (tx) => addPracticeAttachmentRecord(tx, { ...key, name: file.name, content }, ctx.user.id, { actor: ctx.actor, ip: ctx.ip }),
      { timeout: 30_000 },
    );
    revalidatePath("/practice", "layout");
    return { id: attachment.id, fileName: attachment.fileName, itemVersion: attachment.itemVersion };
  });

export const removePracticeAttachment = actionClient
  .metadata({ name: "删除四个一附件", permission: "practice.write" })
  .inputSchema(removePracticeAttachmentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const removed = await db.$transaction((tx) => removePracticeAttachmentRecord(tx, parsedInput.id, ctx.user.id, { actor: ctx.actor, ip: ctx.ip }));
    await fileStore().remove(removed.storageKey);
    revalidatePath("/practice", "layout");
    return { id: parsedInput.id };
  });
