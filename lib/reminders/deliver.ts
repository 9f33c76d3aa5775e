// Sending reminders exactly once. Each reminder has a key naming what it is about and which deadline
// (so a moved deadline reminds again); the keys are inserted into ReminderLog in the same transaction as
// the notices, and only the keys this transaction inserted are sent. A second run, or another process
// running at the same moment, finds the keys and sends nothing (it waits on the unique index until the
// first transaction commits, then ON CONFLICT DO NOTHING skips them).
import "server-only";
import { db } from "@/lib/db/client";
import { notifyBatch, type NewNotification } from "@/lib/notifications/service";

export type Reminder = { key: string; userIds: string[]; notification: NewNotification };

/** Due soon: within this many milliseconds before the deadline. */
export const BEFORE_MS = 3 * 86_400_000;
/** Overdue reminders are sent for deadlines passed within this period (older ones were sent back then). */
export const OVERDUE_LOOKBACK_MS = 30 * 86_400_000;
/** The most rows one kind reads per run; the queries are bounded by deadline windows well below this. */
export const QUERY_LIMIT = 2000;
const CHUNK = 500;

export async function deliverReminders(reminders: Reminder[]): Promise<number> {
  // Without recipients nothing is recorded: a unit that gets a user later is still reminded.
  const byKey = new Map(reminders.filter((r) => r.userIds.length > 0).map((r) => [r.key, r]));
  // Sorted keys: concurrent runs lock them in the same order and cannot deadlock.
  const keys = [...byKey.keys()].sort();
  let sent = 0;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    sent += await db.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "ReminderLog" ("key") SELECT k FROM unnest(${chunk}::text[]) AS k ORDER BY k ON CONFLICT DO NOTHING RETURNING "key"`;
      const fresh = inserted.map((row) => byKey.get(row.key)!);
      await notifyBatch(tx, fresh);
      return fresh.length;
    });
  }
  return sent;
}

/** The deadline as it goes into a key. */
export const stamp = (date: Date) => date.toISOString();
