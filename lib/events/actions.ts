"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db, type Tx } from "@/lib/db/client";
import { fileStore } from "@/lib/storage";
import { cleanFileName } from "@/lib/projects/attachments";
import { scanUpload } from "@/lib/security/upload-scan";
import { z, idSchema } from "@/lib/validation";
import {
  addEventAttachmentRecord,
  archiveEventRecord,
  confirmAttendanceRecord,
  createEventRecord,
  publishEventRecord,
  recordMinutesRecord,
  removeEventAttachmentRecord,
  saveSubmissionRecord,
  selectSubmissionRecord,
  updateEventRecord,
} from "@/lib/events/service";
import {
  confirmSchema,
  createEventSchema,
  eventVersionSchema,
  minutesSchema,
  removeEventAttachmentSchema,
  selectSchema,
  submissionSchema,
  updateEventSchema,
} from "@/lib/events/schemas";

const inTx = <T>(work: (tx: Tx) => Promise<T>) => withFieldErrors(() => db.$transaction(work, { maxWait: 10_000, timeout: 30_000 }));
const refresh = (id?: string) => {
  revalidatePath("/events");
  if (id) revalidatePath(`/events/${id}`);
};

export const createEvent = actionClient
  .metadata({ name: "筹备现场会或交流活动", permission: "events.manage" })
  .inputSchema(createEventSchema)
  .action(async ({ parsedInput, ctx }) => {
    const event = await inTx((tx) => createEventRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return { id: event.id };
  });

export const updateEvent = actionClient
  .metadata({ name: "修改活动安排", permission: "events.manage" })
  .inputSchema(updateEventSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => updateEventRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(result.id);
    return result;
  });

export const publishEvent = actionClient
  .metadata({ name: "印发活动通知", permission: "events.manage" })
  .inputSchema(eventVersionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => publishEventRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const recordEventMinutes = actionClient
  .metadata({ name: "记录活动纪要", permission: "events.manage" })
  .inputSchema(minutesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => recordMinutesRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.id);
    return { id: parsedInput.id, ...result };
  });

export const archiveEvent = actionClient
  .metadata({ name: "活动归档", permission: "events.manage" })
  .inputSchema(eventVersionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await inTx((tx) => archiveEventRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const selectSubmission = actionClient
  .metadata({ name: "遴选汇编材料", permission: "events.manage" })
  .inputSchema(selectSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => selectSubmissionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    revalidatePath("/events", "layout");
    return { id: parsedInput.id, ...result };
  });

// The unit comes from the session: a unit answers only for itself, and only to events it is invited to.
export const confirmAttendance = actionClient
  .metadata({ name: "确认参会", permission: "events.respond" })
  .inputSchema(confirmSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => confirmAttendanceRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, unitId: ctx.user.unitId }));
    refresh(parsedInput.eventId);
    return { id: parsedInput.eventId, ...result };
  });

export const saveSubmission = actionClient
  .metadata({ name: "保存交流材料", permission: "events.respond" })
  .inputSchema(submissionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await inTx((tx) => saveSubmissionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, unitId: ctx.user.unitId }));
    refresh(parsedInput.eventId);
    return result;
  });

const uploadSchema = z
  .instanceof(FormData, { message: "请选择文件" })
  .transform((form) => ({ submissionId: form.get("submissionId"), file: form.get("file") }))
  .pipe(z.object({ submissionId: idSchema, file: z.instanceof(File, { message: "请选择文件" }) }));

export const uploadEventAttachment = actionClient
  .metadata({ name: "上传交流材料附件", permission: "events.respond" })
  .inputSchema(uploadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const content = Buffer.from(await parsedInput.file.arrayBuffer());
    await scanUpload({ name: cleanFileName(parsedInput.file.name), content, what: "交流材料附件" }, { actor: ctx.actor, ip: ctx.ip });
    const attachment = await db.$transaction(
      (tx) =>
        addEventAttachmentRecord(
          tx,
          { submissionId: parsedInput.submissionId, name: parsedInput.file.name, content },
          { actor: ctx.actor, ip: ctx.ip, unitId: ctx.user.unitId },
        ),
      { timeout: 30_000 },
    );
    revalidatePath("/events", "layout");
    return { id: attachment.id, fileName: attachment.fileName };
  });

export const removeEventAttachment = actionClient
  .metadata({ name: "删除交流材料附件", permission: "events.respond" })
  .inputSchema(removeEventAttachmentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const key = await db.$transaction((tx) => removeEventAttachmentRecord(tx, parsedInput.id, { actor: ctx.actor, ip: ctx.ip, unitId: ctx.user.unitId }));
    await fileStore().remove(key);
    revalidatePath("/events", "layout");
    return { id: parsedInput.id };
  });
