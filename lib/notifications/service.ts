// Writing in-app notifications. Each recipient gets their own row, so reading is per person. When SMTP is
// configured, each notification is also queued as an e-mail (lib/email/outbox.ts) in the same transaction.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { queueEmails } from "@/lib/email/outbox";
import { isDigestKind } from "@/lib/notifications/digest-rules";

export type NotificationKind =
  | "promotion.mark"
  | "adoption"
  | "topic.published"
  | "topic.assigned"
  | "topic.amended"
  | "topic.withdrawn"
  | "topic.bid_result"
  | "topic.person_bid_result"
  | "topic.defence"
  | "topic.claim"
  | "topic.deadline"
  | "project.submitted"
  | "project.transition"
  | "project.returned"
  | "project.liaison"
  | "project.note"
  | "project.deadline"
  | "hearing.assigned"
  | "hearing.conflict"
  | "hearing.remind"
  | "hearing.due"
  | "report.submitted"
  | "report.reviewed"
  | "report.returned"
  | "report.due"
  | "report.overdue"
  | "consultation"
  | "inspection"
  | "rectification.due"
  | "rectification.overdue"
  | "township_meeting"
  | "event.invited"
  | "event.submitted"
  | "event.selected"
  | "event.minutes"
  | "award"
  | "award.deadline"
  | "award.jury"
  | "practice.submitted"
  | "practice.reviewed"
  | "practice.returned"
  | "practice.due"
  | "practice.overdue"
  | "digest.daily"
  | "research.assigned"
  | "research.submitted"
  | "research.returned"
  | "research.closed"
  | "research.marked";

export type NewNotification = { kind: NotificationKind; title: string; body?: string | null; link?: string | null };

/** One notice to each of these people; a digest kind sent to an admin waits for the daily digest (DIGEST_KINDS). */
export async function notifyUsers(client: DbOrTx, userIds: string[], notification: NewNotification): Promise<number> {
  if (!isDigestKind(notification.kind) || userIds.length === 0) return notifyBatch(client, [{ userIds, notification }]);
  const admins = new Set(
    (await client.user.findMany({ where: { id: { in: userIds }, active: true, roles: { has: "COUNTY_ADMIN" } }, select: { id: true } })).map((u) => u.id),
  );
  return notifyBatch(client, [
    { userIds: userIds.filter((id) => !admins.has(id)), notification },
    { userIds: userIds.filter((id) => admins.has(id)), notification, held: true },
  ]);
}

/**
 * Many notifications at once (the reminder job): one insert for all rows, one for their e-mails. `held` rows wait
 * for the recipient's daily digest (lib/notifications/digest.ts): they are neither shown nor e-mailed until then.
 */
export async function notifyBatch(client: DbOrTx, items: { userIds: string[]; notification: NewNotification; held?: boolean }[]): Promise<number> {
  const rows = items.flatMap(({ userIds, notification, held }) =>
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: notification.kind,
      title: notification.title,
      body: notification.body ?? null,
      link: notification.link ?? null,
      held: held ?? false,
    })),
  );
  if (rows.length === 0) return 0;
  const { count } = await client.notification.createMany({ data: rows });
  await queueEmails(
    client,
    rows.filter((row) => !row.held).map(({ held: _held, ...notice }) => ({ userId: notice.userId, notice })),
  );
  return count;
}

/** The people who act for these units: the active unit users (填报员) of active units. */
export async function unitRecipients(client: DbOrTx, unitIds: string[] | "all"): Promise<string[]> {
  const users = await client.user.findMany({
    where: { active: true, roles: { has: "UNIT_USER" }, unit: { active: true, ...(unitIds === "all" ? {} : { id: { in: unitIds } }) } },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

/** The same people grouped by unit, for reminders to many units at once. */
export async function unitRecipientsByUnit(client: DbOrTx, unitIds: string[]): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>();
  if (unitIds.length === 0) return byUnit;
  const users = await client.user.findMany({
    where: { active: true, roles: { has: "UNIT_USER" }, unit: { active: true, id: { in: [...new Set(unitIds)] } } },
    select: { id: true, unitId: true },
    orderBy: { id: "asc" },
  });
  for (const user of users) byUnit.set(user.unitId, [...(byUnit.get(user.unitId) ?? []), user.id]);
  return byUnit;
}

export async function notifyUnits(client: DbOrTx, unitIds: string[] | "all", notification: NewNotification): Promise<number> {
  if (unitIds !== "all" && unitIds.length === 0) return 0;
  return notifyUsers(client, await unitRecipients(client, unitIds), notification);
}

/** The people who carry a project: its unit's accounts and, for one won by an individual bid, its lead (lib/projects/carrier.ts). */
export async function notifyCarriers(client: DbOrTx, project: { unitId: string; leadUserId: string | null }, notification: NewNotification): Promise<number> {
  const userIds = await unitRecipients(client, [project.unitId]);
  if (project.leadUserId && !userIds.includes(project.leadUserId)) userIds.push(project.leadUserId);
  return notifyUsers(client, userIds, notification);
}

/**
 * The people who run the programme (管理员), told when a unit declines an assignment and the like. The kinds that
 * arrive in numbers (new submissions) wait for the admins' daily digest instead of one notice each (DIGEST_KINDS).
 */
export async function notifyAdmins(client: DbOrTx, notification: NewNotification): Promise<number> {
  const admins = await client.user.findMany({ where: { active: true, roles: { has: "COUNTY_ADMIN" } }, select: { id: true } });
  return notifyBatch(client, [{ userIds: admins.map((user) => user.id), notification, held: isDigestKind(notification.kind) }]);
}
