// In-app reminders for quarterly reports: three days before the deadline, and once it has passed.
import "server-only";
import { db } from "@/lib/db/client";
import { notifyUnits, notifyUsers } from "@/lib/notifications/service";
import { deadlineFor, reportLink } from "@/lib/reports/service";
import { owesReport, quarterOf, QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import { formatDateTime } from "@/lib/time";

const BEFORE_MS = 3 * 86_400_000;

/** The quarters whose deadline can be near or just past: this quarter and the one before. */
function recentQuarters(now: Date): { year: number; quarter: Quarter }[] {
  const { year, quarter } = quarterOf(now);
  return [quarter === 1 ? { year: year - 1, quarter: 4 as Quarter } : { year, quarter: (quarter - 1) as Quarter }, { year, quarter }];
}

/**
 * Sends what is due now and was not sent before. The key is inserted first, in the same transaction as the
 * notices; a second run (or another app process) finds the key and sends nothing.
 */
export async function sendReportReminders(now = new Date()) {
  let sent = 0;
  for (const { year, quarter } of recentQuarters(now)) {
    const deadline = await deadlineFor(db, year, quarter);
    const phase = now >= deadline ? "after" : deadline.getTime() - now.getTime() <= BEFORE_MS ? "before" : null;
    if (!phase) continue;
    const projects = await db.project.findMany({
      where: { startedAt: { not: null }, reports: { none: { year, quarter, status: { in: ["SUBMITTED", "ACCEPTED"] } } } },
      select: { id: true, title: true, unitId: true, liaisonId: true, startedAt: true, endedAt: true },
    });
    for (const project of projects.filter((p) => owesReport(p, year, quarter))) {
      const key = `report-${phase}:${project.id}:${year}:${quarter}`;
      const what = `“${project.title}”${year}年${QUARTER_LABELS[quarter]}进展`;
      sent += await db.$transaction(async (tx) => {
        const inserted = await tx.$queryRaw<{ key: string }[]>`INSERT INTO "ReminderLog" ("key") VALUES (${key}) ON CONFLICT DO NOTHING RETURNING "key"`;
        if (inserted.length === 0) return 0;
        const link = reportLink({ projectId: project.id, year, quarter });
        if (phase === "before") {
          await notifyUnits(tx, [project.unitId], { kind: "report.reminder", title: `${what}将于 ${formatDateTime(deadline)} 截止`, body: "请按时报送。", link });
        } else {
          await notifyUnits(tx, [project.unitId], { kind: "report.reminder", title: `${what}已逾期未报`, body: `截止时间为 ${formatDateTime(deadline)}，请尽快补报。`, link });
          if (project.liaisonId) await notifyUsers(tx, [project.liaisonId], { kind: "report.reminder", title: `联系项目${what}逾期未报`, link });
        }
        return 1;
      });
    }
  }
  return { sent };
}
