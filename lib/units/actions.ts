"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowFieldError } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { setUnitActiveSchema, unitFieldsSchema, updateUnitSchema } from "@/lib/units/schemas";
import { createUnitRecord, setUnitActiveRecord, updateUnitRecord } from "@/lib/units/service";

export const createUnit = actionClient
  .metadata({ name: "新建单位", permission: "units.manage" })
  .inputSchema(unitFieldsSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      const unit = await db.$transaction((tx) => createUnitRecord(tx, parsedInput, ctx.actor, ctx.ip));
      revalidatePath("/units");
      return { id: unit.id };
    } catch (error) {
      rethrowFieldError(error);
    }
  });

export const updateUnit = actionClient
  .metadata({ name: "修改单位", permission: "units.manage" })
  .inputSchema(updateUnitSchema)
  .action(async ({ parsedInput: { id, version, ...fields }, ctx }) => {
    try {
      await db.$transaction((tx) => updateUnitRecord(tx, id, version, fields, ctx.actor, ctx.ip));
      revalidatePath("/units");
      return { id };
    } catch (error) {
      rethrowFieldError(error);
    }
  });

export const setUnitActive = actionClient
  .metadata({ name: "启用/停用单位", permission: "units.manage" })
  .inputSchema(setUnitActiveSchema)
  .action(async ({ parsedInput: { id, version, active }, ctx }) => {
    await db.$transaction((tx) => setUnitActiveRecord(tx, id, version, active, ctx.actor, ctx.ip));
    revalidatePath("/units");
    return { id };
  });
