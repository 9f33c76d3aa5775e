// One's own sessions (the account page): listed with a handle instead of the row's id, which never leaves the server.
import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { describeDevice } from "@/lib/auth/device";

export function sessionHandle(sessionId: string): string {
  return crypto.createHash("sha256").update(`session:${sessionId}`).digest("base64url").slice(0, 22);
}

export async function ownSessions(user: { id: string; sessionId: string }) {
  const rows = await db.session.findMany({ where: { userId: user.id }, orderBy: { lastSeenAt: "desc" } });
  return rows.map((row) => ({
    handle: sessionHandle(row.id),
    device: describeDevice(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === user.sessionId,
  }));
}

/** The session of this user with this handle (scoped to the user in the query); null when there is none. */
export async function findOwnSession(tx: Tx, userId: string, handle: string) {
  const rows = await tx.session.findMany({ where: { userId }, select: { id: true, ip: true, userAgent: true } });
  return rows.find((row) => sessionHandle(row.id) === handle) ?? null;
}
