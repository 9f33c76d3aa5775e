// Reviewers with scores not yet submitted, three days before their hearing is held (while it is open).
import "server-only";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";

export async function sendHearingScoreReminders(now = new Date()) {
  const late = await db.reviewAssignment.findMany({
    where: {
      item: { hearing: { closedAt: null, heldAt: { gt: now, lte: new Date(now.getTime() + BEFORE_MS) } } },
      reviewer: { active: true },
      OR: [{ score: null }, { score: { submittedAt: null } }],
    },
    select: { reviewerId: true, item: { select: { hearing: { select: { id: true, title: true, heldAt: true } } } } },
    take: QUERY_LIMIT,
  });
  const byReviewer = new Map<string, { reviewerId: string; hearing: { id: string; title: string; heldAt: Date }; count: number }>();
  for (const assignment of late) {
    const hearing = assignment.item.hearing;
    const key = `${hearing.id}:${assignment.reviewerId}`;
    const entry = byReviewer.get(key) ?? { reviewerId: assignment.reviewerId, hearing, count: 0 };
    entry.count += 1;
    byReviewer.set(key, entry);
  }
  const reminders: Reminder[] = [...byReviewer.values()].map(({ reviewerId, hearing, count }) => ({
    key: `hearing-scores:${hearing.id}:${reviewerId}:${stamp(hearing.heldAt)}`,
    userIds: [reviewerId],
    notification: { kind: "hearing.due", title: `“${hearing.title}”将于 ${formatDateTime(hearing.heldAt)} 举行，您有 ${count} 项评分未提交`, link: "/reviews" },
  }));
  return { sent: await deliverReminders(reminders) };
}
