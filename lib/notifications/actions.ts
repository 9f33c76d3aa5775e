"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { markReadSchema } from "@/lib/notifications/schemas";

// Scoped by the caller in the query itself: another person's notification is simply not found.
export const markNotificationRead = actionClient
  .metadata({ name: "标记通知已读", permission: "notifications.read" })
  .inputSchema(markReadSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.notification.updateMany({ where: { id: parsedInput.id, userId: ctx.user.id, readAt: null }, data: { readAt: new Date() } });
    revalidatePath("/", "layout");
    return { id: parsedInput.id };
  });

export const markAllNotificationsRead = actionClient.metadata({ name: "全部标记已读", permission: "notifications.read" }).action(async ({ ctx }) => {
  const { count } = await db.notification.updateMany({ where: { userId: ctx.user.id, readAt: null }, data: { readAt: new Date() } });
  revalidatePath("/", "layout");
  return { count };
});
