"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { fileStore } from "@/lib/storage";
import { scanUpload } from "@/lib/security/upload-scan";
import { z, idSchema } from "@/lib/validation";
import { cleanFileName } from "@/lib/projects/attachments";
import {
  addLedgerAttachmentRecord,
  confirmClearRecord,
  createProblemRecord,
  removeLedgerAttachmentRecord,
  reopenProblemRecord,
  requestClearRecord,
  updateProblemRecord,
} from "@/lib/ledger/service";
import {
  confirmClearSchema,
  createProblemSchema,
  removeLedgerAttachmentSchema,
  reopenSchema,
  requestClearSchema,
  updateProblemSchema,
} from "@/lib/ledger/schemas";

// Every action scopes in its query (lib/ledger/scope.ts): the section comes from the session, a problem is found
// only among those the caller keeps or confirms.
export const createProblem = actionClient
  .metadata({ name: "登记遗留问题", permission: "ledger.write" })
  .inputSchema(createProblemSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => createProblemRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/ledger");
      return result;
    }),
  );

export const updateProblem = actionClient
  .metadata({ name: "修改遗留问题", permission: "ledger.write" })
  .inputSchema(updateProblemSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(() => db.$transaction((tx) => updateProblemRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }))),
  );

export const requestClear = actionClient
  .metadata({ name: "申请销号", permission: "ledger.write" })
  .inputSchema(requestClearSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => requestClearRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/ledger", "layout");
      return result;
    }),
  );

export const confirmClear = actionClient
  .metadata({ name: "确认销号", permission: "ledger.confirm" })
  .inputSchema(confirmClearSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => confirmClearRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/ledger", "layout");
      return result;
    }),
  );

export const reopenProblem = actionClient
  .metadata({ name: "重新打开遗留问题", permission: "ledger.confirm" })
  .inputSchema(reopenSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => reopenProblemRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/ledger", "layout");
      return result;
    }),
  );

const uploadSchema = z
  .instanceof(FormData, { message: "请选择文件" })
  .transform((form) => ({ problemId: form.get("problemId"), file: form.get("file") }))
  .pipe(z.object({ problemId: idSchema, file: z.instanceof(File, { message: "请选择文件" }) }));

export const uploadLedgerAttachment = actionClient
  .metadata({ name: "上传销号佐证", permission: "ledger.write" })
  .inputSchema(uploadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const content = Buffer.from(await parsedInput.file.arrayBuffer());
    await scanUpload({ name: cleanFileName(parsedInput.file.name), content, what: "销号佐证材料" }, { actor: ctx.actor, ip: ctx.ip });
    const attachment = await db.$transaction(
      (tx) =>
        addLedgerAttachmentRecord(tx, { problemId: parsedInput.problemId, name: parsedInput.file.name, content }, ctx.user, { actor: ctx.actor, ip: ctx.ip }),
      { timeout: 30_000 },
    );
    revalidatePath(`/ledger/${parsedInput.problemId}`);
    return { id: attachment.id, fileName: attachment.fileName };
  });

export const removeLedgerAttachment = actionClient
  .metadata({ name: "删除销号佐证", permission: "ledger.write" })
  .inputSchema(removeLedgerAttachmentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const removed = await db.$transaction((tx) => removeLedgerAttachmentRecord(tx, parsedInput.id, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
    await fileStore().remove(removed.storageKey);
    revalidatePath(`/ledger/${removed.problemId}`);
    return { id: parsedInput.id };
  });
