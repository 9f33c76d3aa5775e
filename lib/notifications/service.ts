// Writing in-app notifications. Each recipient gets their own row, so reading is per person.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export type NotificationKind =
  | "promotion.mark"
  | "adoption"
  | "topic.published"
  | "topic.assigned"
  | "topic.amended"
  | "topic.withdrawn"
  | "topic.bid_result"
  | "topic.claim"
  | "project.submitted"
  | "project.transition"
  | "project.liaison"
  | "project.note"
  | "hearing.assigned"
  | "hearing.conflict"
  | "hearing.remind"
  | "report.submitted"
  | "report.reviewed"
  | "consultation"
  | "inspection"
  | "report.reminder"
  | "township_meeting"
  | "award";

export type NewNotification = { kind: NotificationKind; title: string; body?: string | null; link?: string | null };

export async function notifyUsers(client: DbOrTx, userIds: string[], notification: NewNotification): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const { count } = await client.notification.createMany({
    data: unique.map((userId) => ({ userId, kind: notification.kind, title: notification.title, body: notification.body ?? null, link: notification.link ?? null })),
  });
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

export async function notifyUnits(client: DbOrTx, unitIds: string[] | "all", notification: NewNotification): Promise<number> {
  if (unitIds !== "all" && unitIds.length === 0) return 0;
  return notifyUsers(client, await unitRecipients(client, unitIds), notification);
}

/** The people who run the programme (管理员), told when a unit declines an assignment and the like. */
export async function notifyAdmins(client: DbOrTx, notification: NewNotification): Promise<number> {
  const admins = await client.user.findMany({ where: { active: true, roles: { has: "COUNTY_ADMIN" } }, select: { id: true } });
  return notifyUsers(client, admins.map((user) => user.id), notification);
}
