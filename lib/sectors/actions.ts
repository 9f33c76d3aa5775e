"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowFieldError } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { sectorSchema, updateSectorSchema } from "@/lib/sectors/schemas";
import { createSectorRecord, updateSectorRecord } from "@/lib/sectors/service";

export const createSector = actionClient
  .metadata({ name: "新增党组织领域", permission: "sectors.configure" })
  .inputSchema(sectorSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      const sector = await db.$transaction((tx) => createSectorRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/sectors");
      return { id: sector.id };
    } catch (error) {
      rethrowFieldError(error);
    }
  });

export const updateSector = actionClient
  .metadata({ name: "修改党组织领域", permission: "sectors.configure" })
  .inputSchema(updateSectorSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      await db.$transaction((tx) => updateSectorRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    } catch (error) {
      rethrowFieldError(error);
    }
    revalidatePath("/sectors");
    return { id: parsedInput.id };
  });
