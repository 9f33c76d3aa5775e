"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/schemas";

// Scoped by the caller in the query itself: another person's notification is simply not found.
export const markNotificationRead = actionClient
  .metadata({ name: "标记通知已读", permission: "notifications.read" })
  .inputSchema(markReadSchema)
  .action(async ({ parsedInput, ctx }) => {
    await markRead(ctx.user.id, parsedInput.id);
    revalidatePath("/", "layout");
    return { id: parsedInput.id };
  });

export const markAllNotificationsRead = actionClient
  .metadata({ name: "全部标记已读", permission: "notifications.read" })
  .inputSchema(markAllReadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const count = await markAllRead(ctx.user.id, parsedInput.kind);
    revalidatePath("/", "layout");
    return { count };
  });
