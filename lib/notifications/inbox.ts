// Marking one's own notices read: the caller's id is in every where clause.
import "server-only";
import { db } from "@/lib/db/client";
import { kindFilter, type NotificationCategory } from "@/lib/notifications/kinds";

export async function markRead(userId: string, id: string): Promise<void> {
  await db.notification.updateMany({ where: { id, userId, readAt: null, held: false }, data: { readAt: new Date() } });
}

/** All unread, or those of one group; held notices are not in the inbox yet and stay as they are. */
export async function markAllRead(userId: string, category?: NotificationCategory): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, held: false, ...(category ? { kind: kindFilter(category) } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
