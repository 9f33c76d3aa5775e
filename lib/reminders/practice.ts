// 四个一: each cadre who has not submitted an item is reminded three days before its due date and once after
// it has passed. The key carries the due date, so a moved due date reminds again.
import "server-only";
import { db } from "@/lib/db/client";
import { practiceDues, practiceLink } from "@/lib/practice/service";
import { cadreWhere } from "@/lib/practice/queries";
import { SLOTS } from "@/lib/practice/periods";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, OVERDUE_LOOKBACK_MS, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";
import { PRACTICE_MACHINE } from "@/lib/practice/states";

export async function sendPracticeReminders(now = new Date()) {
  const reminders: Reminder[] = [];
  const thisYear = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  for (const year of [thisYear - 1, thisYear]) {
    const dues = await practiceDues(db, year);
    for (const slot of SLOTS) {
      const due = dues.get(slot.window)!;
      const left = due.getTime() - now.getTime();
      const phase = left <= 0 ? (-left <= OVERDUE_LOOKBACK_MS ? "after" : null) : left <= BEFORE_MS ? "before" : null;
      if (!phase) continue;
      const cadres = await db.user.findMany({
        where: {
          AND: [cadreWhere(), { practiceItems: { none: { year, kind: slot.kind, period: slot.period, status: { in: PRACTICE_MACHINE.group("received") } } } }],
        },
        select: { id: true },
        take: QUERY_LIMIT,
      });
      const what = `${year}年“四个一”${slot.label}`;
      for (const cadre of cadres) {
        const base = `${cadre.id}:${year}:${slot.kind}:${slot.period}:${stamp(due)}`;
        const link = practiceLink({ year, kind: slot.kind, period: slot.period });
        reminders.push(
          phase === "before"
            ? {
                key: `practice-before:${base}`,
                userIds: [cadre.id],
                notification: { kind: "practice.due", title: `${what}将于 ${formatDateTime(due)} 截止`, body: "请按时提交。", link },
              }
            : {
                key: `practice-after:${base}`,
                userIds: [cadre.id],
                notification: { kind: "practice.overdue", title: `${what}已逾期未交`, body: `截止时间为 ${formatDateTime(due)}，请尽快补交。`, link },
              },
        );
      }
    }
  }
  return { sent: await deliverReminders(reminders) };
}
