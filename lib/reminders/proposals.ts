// The proposal window closing: units with proposals still in draft or returned for completion, three days
// before the year's 项目申报 window ends. One reminder per unit and window end; the lead of a project won by an
// individual bid gets one of their own (a department section has no unit account to read the unit's).
import "server-only";
import { db } from "@/lib/db/client";
import { unitRecipientsByUnit } from "@/lib/notifications/service";
import { formatDateTime } from "@/lib/time";
import { BEFORE_MS, deliverReminders, QUERY_LIMIT, stamp, type Reminder } from "@/lib/reminders/deliver";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export async function sendProposalWindowReminders(now = new Date()) {
  const windows = await db.yearWindow.findMany({
    where: { kind: "PROPOSAL", endsAt: { gt: now, lte: new Date(now.getTime() + BEFORE_MS) } },
    select: { yearId: true, endsAt: true, year: { select: { year: true } } },
  });
  if (windows.length === 0) return { sent: 0 };
  const projects = await db.project.findMany({
    where: { yearId: { in: windows.map((w) => w.yearId) }, state: { in: PROJECT_MACHINE.group("proposalPending") } },
    select: { id: true, yearId: true, unitId: true, leadUserId: true, title: true, state: true },
    take: QUERY_LIMIT,
  });
  const byUnit = new Map<string, { yearId: string; unitId: string; drafts: number; returned: number }>();
  for (const project of projects) {
    const key = `${project.yearId}:${project.unitId}`;
    const entry = byUnit.get(key) ?? { yearId: project.yearId, unitId: project.unitId, drafts: 0, returned: 0 };
    if (project.state === "DRAFT") entry.drafts += 1;
    else entry.returned += 1;
    byUnit.set(key, entry);
  }
  const recipients = await unitRecipientsByUnit(
    db,
    [...byUnit.values()].map((e) => e.unitId),
  );
  const windowOf = new Map(windows.map((w) => [w.yearId, w]));
  const reminders: Reminder[] = [...byUnit.values()].map((entry) => {
    const window = windowOf.get(entry.yearId)!;
    const parts = [entry.drafts ? `${entry.drafts} 份草稿未提交` : "", entry.returned ? `${entry.returned} 份退回补充的申报书未重新提交` : ""].filter(Boolean);
    return {
      key: `proposal-window:${entry.yearId}:${entry.unitId}:${stamp(window.endsAt)}`,
      userIds: recipients.get(entry.unitId) ?? [],
      notification: {
        kind: "project.deadline",
        title: `${window.year.year}年项目申报将于 ${formatDateTime(window.endsAt)} 截止`,
        body: `本单位有${parts.join("、")}，请在截止前提交。`,
        link: "/projects",
      },
    };
  });
  for (const project of projects.filter((p) => p.leadUserId)) {
    const window = windowOf.get(project.yearId)!;
    reminders.push({
      key: `proposal-window-lead:${project.id}:${stamp(window.endsAt)}`,
      userIds: [project.leadUserId!],
      notification: {
        kind: "project.deadline",
        title: `${window.year.year}年项目申报将于 ${formatDateTime(window.endsAt)} 截止`,
        body: `您牵头的“${project.title || "（未命名的申报书）"}”${project.state === "DRAFT" ? "尚未提交" : "退回补充后尚未重新提交"}，请在截止前提交。`,
        link: `/projects/${project.id}`,
      },
    });
  }
  return { sent: await deliverReminders(reminders) };
}
