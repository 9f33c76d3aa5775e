import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/queries";
import { notificationFilterSchema } from "@/lib/notifications/schemas";
import { formatDateTime } from "@/lib/time";
import { PageHeader, Pagination } from "@/components/ui/page";
import { MarkAllReadButton, NotificationLink } from "@/components/notifications/notification-actions";

export const metadata: Metadata = { title: "通知" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("notifications.read");
  const filter = notificationFilterSchema.parse(await searchParams);
  const { notifications, total, page, pageSize } = await listNotifications(user.id, { page: filter.page ?? 1, unreadOnly: Boolean(filter.unread) });
  return (
    <div>
      <PageHeader
        title="通知"
        description="选题发布、发包、评标结果等与您有关的事项"
        actions={
          <>
            <Link href={filter.unread ? "/notifications" : "/notifications?unread=1"} className="link self-center text-sm">
              {filter.unread ? "显示全部" : "只看未读"}
            </Link>
            <MarkAllReadButton />
          </>
        }
      />
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-8 text-center text-sm text-stone-500">没有通知。</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" aria-label="通知列表">
          {notifications.map((notification) => (
            <li key={notification.id} className={`p-3 ${notification.readAt ? "" : "bg-brand-50/60"}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <NotificationLink id={notification.id} href={notification.link} unread={!notification.readAt}>
                  {notification.title}
                </NotificationLink>
                <span className="text-xs text-stone-500">{formatDateTime(notification.createdAt)}</span>
              </div>
              {notification.body && <p className="mt-1 text-sm whitespace-pre-wrap text-stone-700">{notification.body}</p>}
            </li>
          ))}
        </ul>
      )}
      <Pagination total={total} page={page} pageSize={pageSize} params={{ unread: filter.unread }} />
    </div>
  );
}
