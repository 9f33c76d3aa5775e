"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { NotificationCategory } from "@/lib/notifications/kinds";

/** Opening a notification marks it read, then goes where it points. */
export function NotificationLink({ id, href, unread, children }: { id: string; href: string | null; unread: boolean; children: ReactNode }) {
  const router = useRouter();
  const action = useActionButton(markNotificationRead);
  return (
    <a
      href={href ?? "#"}
      className={`link ${unread ? "font-semibold" : ""}`}
      onClick={async (event) => {
        event.preventDefault();
        if (unread) await action.run({ id });
        if (href) router.push(href);
        router.refresh();
      }}
    >
      {unread && <span className="sr-only">未读：</span>}
      {children}
    </a>
  );
}

/** Marks every unread notice read, or only those of the group the inbox is filtered to (`label` names it). */
export function MarkAllReadButton({ kind, label }: { kind?: NotificationCategory; label?: string }) {
  const router = useRouter();
  const action = useActionButton(markAllNotificationsRead, () => router.refresh());
  return (
    <Button type="button" variant="secondary" pending={action.pending} onClick={() => action.run({ kind })}>
      {label ? `“${label}”全部标为已读` : "全部标为已读"}
    </Button>
  );
}
