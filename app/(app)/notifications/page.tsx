import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { heldNotifications, listNotifications } from "@/lib/notifications/queries";
import { nextDigestAt } from "@/lib/notifications/digest-rules";
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

function href(filter: { unread?: string; kind?: string; held?: string }) {
  const search = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = search.toString();
  return query ? `/notifications?${query}` : "/notifications";
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("notifications.read");
  const filter = notificationFilterSchema.parse(await searchParams);
  const [{ notifications, total, page, pageSize }, held] = await Promise.all([
    listNotifications(user.id, { page: filter.page ?? 1, unreadOnly: Boolean(filter.unread), category: filter.kind }),
    heldNotifications(user.id, { show: Boolean(filter.held) }),
  ]);
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
            <MarkAllReadButton kind={filter.kind} label={filter.kind ? CATEGORY_LABELS[filter.kind] : undefined} />
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
      {held.count > 0 && (
        <section aria-label="待汇总" className="mb-3 rounded-lg border border-violet-200 bg-violet-50/60 p-3 text-sm text-stone-700">
          <p>
            另有 {held.count} 条新提交将在 {formatDateTime(nextDigestAt(new Date()))} 的每日汇总中通知您（不逐条提醒）。
            <Link href={href({ kind: filter.kind, unread: filter.unread, held: filter.held ? undefined : "1" })} className="link ml-2">
              {filter.held ? "收起" : "现在查看"}
            </Link>
          </p>
          {held.notifications.length > 0 && (
            <ul className="mt-2 space-y-1" aria-label="待汇总的通知">
              {held.notifications.map((notification) => (
                <li key={notification.id} className="flex flex-wrap justify-between gap-2">
                  {notification.link ? (
                    <Link href={notification.link} className="link">
                      {notification.title}
                    </Link>
                  ) : (
                    <span>{notification.title}</span>
                  )}
                  <span className="text-xs text-stone-500">{formatDateTime(notification.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
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
