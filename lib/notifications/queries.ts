import "server-only";
import { db } from "@/lib/db/client";
import { kindFilter, type NotificationCategory } from "@/lib/notifications/kinds";

export const NOTIFICATIONS_PAGE_SIZE = 30;

export function unreadCount(userId: string) {
  return db.notification.count({ where: { userId, readAt: null, held: false } });
}

/** Always the caller's own: `userId` is in every query; the kind group narrows it further. Held notices wait for the digest. */
export async function listNotifications(userId: string, options: { page: number; unreadOnly: boolean; category?: NotificationCategory }) {
  const where = {
    userId,
    held: false,
    ...(options.unreadOnly ? { readAt: null } : {}),
    ...(options.category ? { kind: kindFilter(options.category) } : {}),
  };
  const [total, notifications] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
    }),
  ]);
  return { total, notifications, page: options.page, pageSize: NOTIFICATIONS_PAGE_SIZE };
}

/** The caller's notices waiting for the next daily digest, newest first (the inbox shows them folded, on request). */
export async function heldNotifications(userId: string, options: { show: boolean }) {
  const where = { userId, held: true };
  const [count, notifications] = await Promise.all([
    db.notification.count({ where }),
    options.show ? db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: NOTIFICATIONS_PAGE_SIZE }) : [],
  ]);
  return { count, notifications };
}
