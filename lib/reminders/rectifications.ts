// Rectification items (整改事项) of published inspection bulletins still open: three days before they are
// due, and once they are overdue. The key carries the due date, so a new due date reminds again.
import "server-only";
import { db } from "@/lib/db/client";
import { unitRecipientsByUnit } from "@/lib/notifications/service";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, OVERDUE_LOOKBACK_MS, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";

export async function sendRectificationReminders(now = new Date()) {
  const items = await db.rectificationItem.findMany({
    where: {
      status: "OPEN",
      dueAt: { gt: new Date(now.getTime() - OVERDUE_LOOKBACK_MS), lte: new Date(now.getTime() + BEFORE_MS) },
      item: { inspection: { publishedAt: { not: null } } },
    },
    select: { id: true, unitId: true, content: true, dueAt: true, item: { select: { inspectionId: true, project: { select: { title: true } } } } },
    orderBy: { dueAt: "asc" },
    take: QUERY_LIMIT,
  });
  const recipients = await unitRecipientsByUnit(
    db,
    items.map((item) => item.unitId),
  );
  const reminders: Reminder[] = items.map((item) => {
    const overdue = now >= item.dueAt;
    const what = `“${item.item.project.title}”的整改事项`;
    return {
      key: `rectification-${overdue ? "after" : "before"}:${item.id}:${stamp(item.dueAt)}`,
      userIds: recipients.get(item.unitId) ?? [],
      notification: overdue
        ? {
            kind: "rectification.overdue",
            title: `${what}已逾期`,
            body: `整改期限为 ${formatDateTime(item.dueAt)}，请尽快答复整改情况：${item.content.slice(0, 100)}`,
            link: `/inspections/${item.item.inspectionId}`,
          }
        : {
            kind: "rectification.due",
            title: `${what}将于 ${formatDateTime(item.dueAt)} 到期`,
            body: item.content.slice(0, 100),
            link: `/inspections/${item.item.inspectionId}`,
          },
    };
  });
  return { sent: await deliverReminders(reminders) };
}
