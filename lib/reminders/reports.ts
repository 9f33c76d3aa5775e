// Quarterly reports: units are reminded three days before the deadline and again once it has passed (the
// liaison too), and the lead of a project won by an individual bid with them. The key carries the deadline, so a
// moved deadline reminds again.
import "server-only";
import { db } from "@/lib/db/client";
import { unitRecipientsByUnit } from "@/lib/notifications/service";
import { deadlineFor, reportLink } from "@/lib/reports/service";
import { owesReport, quarterOf, QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";
import { REPORT_MACHINE } from "@/lib/reports/states";

/** The quarters whose deadline can be near or just past: this quarter and the one before. */
function recentQuarters(now: Date): { year: number; quarter: Quarter }[] {
  const { year, quarter } = quarterOf(now);
  return [quarter === 1 ? { year: year - 1, quarter: 4 as Quarter } : { year, quarter: (quarter - 1) as Quarter }, { year, quarter }];
}

/** Sends what is due now and was not sent before (lib/reminders/deliver.ts). */
export async function sendReportReminders(now = new Date()) {
  const due: {
    year: number;
    quarter: Quarter;
    deadline: Date;
    phase: "before" | "after";
    project: { id: string; title: string; unitId: string; leadUserId: string | null; liaisonId: string | null };
  }[] = [];
  for (const { year, quarter } of recentQuarters(now)) {
    const deadline = await deadlineFor(db, year, quarter);
    const phase = now >= deadline ? "after" : deadline.getTime() - now.getTime() <= BEFORE_MS ? "before" : null;
    if (!phase) continue;
    const projects = await db.project.findMany({
      where: { startedAt: { not: null }, reports: { none: { year, quarter, status: { in: REPORT_MACHINE.group("received") } } } },
      select: { id: true, title: true, unitId: true, leadUserId: true, liaisonId: true, startedAt: true, endedAt: true },
      take: QUERY_LIMIT,
    });
    for (const project of projects.filter((p) => owesReport(p, year, quarter))) due.push({ year, quarter, deadline, phase, project });
  }
  const recipients = await unitRecipientsByUnit(
    db,
    due.map((d) => d.project.unitId),
  );
  const reminders: Reminder[] = due.flatMap(({ year, quarter, deadline, phase, project }) => {
    const what = `“${project.title}”${year}年${QUARTER_LABELS[quarter]}进展`;
    const link = reportLink({ projectId: project.id, year, quarter });
    const base = `${project.id}:${year}:${quarter}:${stamp(deadline)}`;
    const unitIds = recipients.get(project.unitId) ?? [];
    const userIds = project.leadUserId && !unitIds.includes(project.leadUserId) ? [...unitIds, project.leadUserId] : unitIds;
    if (phase === "before") {
      return [
        {
          key: `report-before:${base}`,
          userIds,
          notification: { kind: "report.due", title: `${what}将于 ${formatDateTime(deadline)} 截止`, body: "请按时报送。", link },
        },
      ];
    }
    const unitNotice: Reminder = {
      key: `report-after:${base}`,
      userIds,
      notification: { kind: "report.overdue", title: `${what}已逾期未报`, body: `截止时间为 ${formatDateTime(deadline)}，请尽快补报。`, link },
    };
    if (!project.liaisonId) return [unitNotice];
    return [
      unitNotice,
      { key: `report-after-liaison:${base}`, userIds: [project.liaisonId], notification: { kind: "report.overdue", title: `联系项目${what}逾期未报`, link } },
    ];
  });
  return { sent: await deliverReminders(reminders) };
}
