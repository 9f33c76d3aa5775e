import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/queries";
import { notificationFilterSchema } from "@/lib/notifications/schemas";
import { CATEGORY_LABELS, categoryOf, NOTIFICATION_CATEGORIES, type NotificationCategory } from "@/lib/notifications/kinds";
import { formatDateTime } from "@/lib/time";
import { PageHeader, Pagination } from "@/components/ui/page";
import { MarkAllReadButton, NotificationLink } from "@/components/notifications/notification-actions";

export const metadata: Metadata = { title: "通知" };

const BADGE: Record<NotificationCategory, string> = {
  submission: "bg-violet-50 text-violet-800 ring-violet-200",
  assignment: "bg-sky-50 text-sky-800 ring-sky-200",
  decision: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  return: "bg-amber-50 text-amber-800 ring-amber-200",
  deadline: "bg-orange-50 text-orange-800 ring-orange-200",
  overdue: "bg-red-50 text-red-800 ring-red-200",
  notice: "bg-stone-50 text-stone-700 ring-stone-200",
  other: "bg-stone-50 text-stone-500 ring-stone-200",
};

function href(filter: { unread?: string; kind?: string }) {
  const search = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = search.toString();
  return query ? `/notifications?${query}` : "/notifications";
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("notifications.read");
  const filter = notificationFilterSchema.parse(await searchParams);
  const { notifications, total, page, pageSize } = await listNotifications(user.id, {
    page: filter.page ?? 1,
    unreadOnly: Boolean(filter.unread),
    category: filter.kind,
  });
  return (
    <div>
      <PageHeader
        title="通知"
        description="分配、决定、退回、临近截止和逾期等与您有关的事项"
        actions={
          <>
            <Link href={href({ kind: filter.kind, unread: filter.unread ? undefined : "1" })} className="link self-center text-sm">
              {filter.unread ? "显示全部" : "只看未读"}
            </Link>
            <MarkAllReadButton />
          </>
        }
      />
      <nav aria-label="通知类别" className="mb-3 flex flex-wrap gap-2 text-sm">
        {[undefined, ...NOTIFICATION_CATEGORIES].map((category) => {
          const current = filter.kind === category;
          return (
            <Link
              key={category ?? "all"}
              href={href({ kind: category, unread: filter.unread })}
              aria-current={current ? "page" : undefined}
              className={`rounded-full px-3 py-1 ring-1 ${current ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-stone-700 ring-stone-200 hover:bg-stone-50"}`}
            >
              {category ? CATEGORY_LABELS[category] : "全部"}
            </Link>
          );
        })}
      </nav>
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-stone-200 bg-white p-8 text-center text-sm text-stone-500">没有通知。</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" aria-label="通知列表">
          {notifications.map((notification) => {
            const category = categoryOf(notification.kind);
            return (
              <li key={notification.id} className={`p-3 ${notification.readAt ? "" : "bg-brand-50/60"}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="flex min-w-0 flex-wrap items-baseline gap-2">
                    <span data-testid="notification-kind" className={`shrink-0 rounded px-1.5 py-0.5 text-xs ring-1 ${BADGE[category]}`}>
                      {CATEGORY_LABELS[category]}
                    </span>
                    <NotificationLink id={notification.id} href={notification.link} unread={!notification.readAt}>
                      {notification.title}
                    </NotificationLink>
                  </span>
                  <span className="text-xs text-stone-500">{formatDateTime(notification.createdAt)}</span>
                </div>
                {notification.body && <p className="mt-1 text-sm whitespace-pre-wrap text-stone-700">{notification.body}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination total={total} page={page} pageSize={pageSize} params={{ unread: filter.unread, kind: filter.kind }} />
    </div>
  );
}
