"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { actionClient } from "@/lib/actions/client";
import { ActionError, STALE_RECORD, FieldError, NotFoundError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { createYearSchema, setCurrentYearSchema, updateYearSchema } from "@/lib/years/schemas";
import { createYearRecord, setCurrentYearRecord } from "@/lib/years/service";
import { WINDOW_KINDS } from "@/lib/years/windows";
import { formatDateTime } from "@/lib/time";

export const createYear = actionClient
  .metadata({ name: "新建年度", permission: "years.manage" })
  .inputSchema(createYearSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      const year = await db.$transaction((tx) => createYearRecord(tx, parsedInput.year, ctx.actor, ctx.ip));
      revalidatePath("/years");
      return { id: year.id };
    } catch (error) {
      if (error instanceof FieldError) returnValidationErrors(createYearSchema, { year: { _errors: [error.message] } });
      throw error;
    }
  });

export const updateYear = actionClient
  .metadata({ name: "修改年度时间安排", permission: "years.manage" })
  .inputSchema(updateYearSchema)
  .action(async ({ parsedInput, ctx }) => {
    const fields = parsedInput as unknown as Record<string, Date | null>;
    const { id, version, note } = parsedInput;
    await db.$transaction(async (tx) => {
      const before = await tx.year.findUnique({ where: { id }, include: { windows: true } });
      if (!before) throw new NotFoundError("年度不存在");
      const updated = await tx.year.updateMany({ where: { id, version }, data: { note, version: { increment: 1 } } });
      if (updated.count === 0) throw new ActionError(STALE_RECORD);
      const changes: string[] = [];
      for (const kind of WINDOW_KINDS) {
        const startsAt = fields[`${kind}_start`];
        const endsAt = fields[`${kind}_end`]!;
        const old = before.windows.find((w) => w.kind === kind);
        if (old && old.startsAt?.getTime() === startsAt?.getTime() && old.endsAt.getTime() === endsAt.getTime()) continue;
        changes.push(`${kind}: ${formatDateTime(old?.startsAt)}~${formatDateTime(old?.endsAt)} → ${formatDateTime(startsAt)}~${formatDateTime(endsAt)}`);
        await tx.yearWindow.upsert({
          where: { yearId_kind: { yearId: id, kind } },
          create: { yearId: id, kind, startsAt, endsAt },
          update: { startsAt, endsAt },
        });
        // The campaign's nomination period is this window (lib/awards/campaigns keeps it the other way).
        if (kind === "NOMINATION") {
          await tx.campaign.updateMany({
            where: { yearId: id },
            data: { nominationEndsAt: endsAt, ...(startsAt ? { nominationStartsAt: startsAt } : {}), version: { increment: 1 } },
          });
        }
      }
      await writeAudit(
        { actor: ctx.actor, action: "year.update", entityType: "Year", entityId: id, summary: `${before.year} 年度时间安排`, details: { changes }, ip: ctx.ip },
        tx,
      );
    });
    revalidatePath("/years");
    revalidatePath("/");
    return { id };
  });

export const setCurrentYear = actionClient
  .metadata({ name: "设为当前年度", permission: "years.manage" })
  .inputSchema(setCurrentYearSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => setCurrentYearRecord(tx, parsedInput.id, ctx.actor, ctx.ip));
    revalidatePath("/years");
    revalidatePath("/");
    return { id: parsedInput.id };
  });
