"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { NotFoundError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { nationalDay } from "@/lib/calendar/workdays";
import { removeCalendarDaySchema, setCalendarDaySchema } from "@/lib/calendar/schemas";

export const setCalendarDay = actionClient
  .metadata({ name: "设置本地工作日历", permission: "years.manage" })
  .inputSchema(setCalendarDaySchema)
  .action(async ({ parsedInput, ctx }) => {
    const { date, working, note } = parsedInput;
    await db.$transaction(async (tx) => {
      await tx.calendarDay.upsert({
        where: { date },
        create: { date, working, note, createdById: ctx.user.id },
        update: { working, note, createdById: ctx.user.id },
      });
      await writeAudit(
        {
          actor: ctx.actor,
          action: "calendar.set",
          entityType: "CalendarDay",
          entityId: date,
          summary: `${date} 设为${working ? "工作日" : "休息日"}（${note}；国家安排：${nationalDay(date).label}）`,
          ip: ctx.ip,
        },
        tx,
      );
    });
    revalidatePath("/years/calendar");
    return { date };
  });

export const removeCalendarDay = actionClient
  .metadata({ name: "删除本地工作日历调整", permission: "years.manage" })
  .inputSchema(removeCalendarDaySchema)
  .action(async ({ parsedInput, ctx }) => {
    const { date } = parsedInput;
    await db.$transaction(async (tx) => {
      const removed = await tx.calendarDay.deleteMany({ where: { date } });
      if (removed.count === 0) throw new NotFoundError("该日期没有本地调整");
      await writeAudit(
        {
          actor: ctx.actor,
          action: "calendar.remove",
          entityType: "CalendarDay",
          entityId: date,
          summary: `${date} 恢复按国家安排（${nationalDay(date).label}）`,
          ip: ctx.ip,
        },
        tx,
      );
    });
    revalidatePath("/years/calendar");
    return { date };
  });
