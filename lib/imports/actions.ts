"use server";

// Preview and confirm of each import; the permission is the one of the list it fills.
import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { confirmImport, previewImport } from "@/lib/imports/run";
import { importConfirmSchema, importUploadSchema } from "@/lib/imports/schemas";
import { unitImporter } from "@/lib/units/import";
import { userImporter } from "@/lib/users/import";
import { topicImporter } from "@/lib/topics/import";

const upload = (input: { fileName: string; content: string }) => ({ fileName: input.fileName, content: Buffer.from(input.content, "base64") });

export const previewUnitImport = actionClient
  .metadata({ name: "预览导入单位", permission: "units.manage" })
  .inputSchema(importUploadSchema)
  .action(({ parsedInput, ctx }) => previewImport(unitImporter, upload(parsedInput), ctx));

export const confirmUnitImport = actionClient
  .metadata({ name: "导入单位", permission: "units.manage" })
  .inputSchema(importConfirmSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await confirmImport(unitImporter, parsedInput.token, ctx);
    revalidatePath("/units");
    return result;
  });

export const previewUserImport = actionClient
  .metadata({ name: "预览导入账户", permission: "users.manage" })
  .inputSchema(importUploadSchema)
  .action(({ parsedInput, ctx }) => previewImport(userImporter, upload(parsedInput), ctx));

export const confirmUserImport = actionClient
  .metadata({ name: "导入账户", permission: "users.manage" })
  .inputSchema(importConfirmSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await confirmImport(userImporter, parsedInput.token, ctx);
    revalidatePath("/users");
    return result;
  });

export const previewTopicImport = actionClient
  .metadata({ name: "预览导入选题", permission: "topics.manage" })
  .inputSchema(importUploadSchema)
  .action(({ parsedInput, ctx }) => previewImport(topicImporter, upload(parsedInput), ctx));

export const confirmTopicImport = actionClient
  .metadata({ name: "导入选题", permission: "topics.manage" })
  .inputSchema(importConfirmSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await confirmImport(topicImporter, parsedInput.token, ctx);
    revalidatePath("/topics");
    return result;
  });
