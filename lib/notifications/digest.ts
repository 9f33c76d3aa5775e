// The daily digest, sent by the scheduled job (lib/reminders/index.ts): once a day after 08:00 Beijing time, each
// recipient with held notices from before that day gets one notice counting them, and the held rows join the inbox
// as read. Exactly once: the day's key goes into ReminderLog in the same transaction as the release, so a second
// run or another process finds it and does nothing (it waits on the key's unique index until the first commits).
import "server-only";
import { db } from "@/lib/db/client";
import { digestDue, digestNotice } from "@/lib/notifications/digest-rules";
import { notifyBatch } from "@/lib/notifications/service";

export async function sendDailyDigests(now: Date): Promise<{ sent: number }> {
  const due = digestDue(now);
  if (!due) return { sent: 0 };
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "ReminderLog" ("key") VALUES (${`digest:${due.day}`}) ON CONFLICT DO NOTHING RETURNING "key"`;
    if (claimed.length === 0) return { sent: 0 };
    const held = await tx.$queryRaw<{ userId: string; kind: string; count: number; first: Date; last: Date }[]>`
      SELECT "userId", "kind", count(*)::int AS "count", min("createdAt") AS "first", max("createdAt") AS "last"
      FROM "Notification" WHERE "held" AND "createdAt" < ${due.cutoff}
      GROUP BY "userId", "kind" ORDER BY "userId", "kind"`;
    if (held.length === 0) return { sent: 0 };
    const byUser = new Map<string, typeof held>();
    for (const row of held) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    await tx.notification.updateMany({ where: { held: true, createdAt: { lt: due.cutoff } }, data: { held: false, readAt: now } });
    let sent = 0;
    for (const [userId, rows] of byUser) {
      const first = new Date(Math.min(...rows.map((row) => row.first.getTime())));
      const last = new Date(Math.max(...rows.map((row) => row.last.getTime())));
      const notice = digestNotice(rows, { first, last });
      sent += await notifyBatch(tx, [{ userIds: [userId], notification: { kind: "digest.daily", ...notice, link: "/notifications?kind=submission" } }]);
    }
    return { sent };
  });
}
