// Server-side sessions: each request reads the user's roles and unit fresh from the database.
import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { unitLabel } from "@/lib/units/tree";
import type { Role, UnitType } from "@/lib/generated/prisma/enums";

export const IDLE_MINUTES = 30;
const TOUCH_AFTER_MS = 30 * 1000;

export type CurrentUser = {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  /** fullName adds the parent for sections: 县委组织部办公室 rather than 办公室. */
  unit: { id: string; name: string; type: UnitType; fullName: string };
  mustChangePassword: boolean;
  sessionId: string;
};

export async function loadSession(sessionId: string, now = new Date()): Promise<CurrentUser | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { unit: { select: { id: true, name: true, type: true, parent: { select: { name: true } } } } } } },
  });
  if (!session) return null;
  const { user } = session;
  const actor = { id: user.id, username: user.username, name: user.name };
  if (!user.active) {
    await db.session.deleteMany({ where: { userId: user.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_MINUTES * 60 * 1000) {
    const removed = await db.session.deleteMany({ where: { id: sessionId } });
    if (removed.count > 0) {
      await writeAudit({ actor, action: "auth.session_expired", entityType: "User", entityId: user.id, summary: `闲置超过 ${IDLE_MINUTES} 分钟` });
    }
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    roles: user.roles,
    unitId: user.unitId,
    unit: {
      id: user.unit.id,
      name: user.unit.name,
      type: user.unit.type,
      fullName: unitLabel(user.unit),
    },
    mustChangePassword: user.mustChangePassword,
    sessionId,
  };
}

export async function endSession(sessionId: string, ip: string | null = null): Promise<void> {
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session) return;
  await db.session.deleteMany({ where: { id: sessionId } });
  const { user } = session;
  await writeAudit({ actor: { id: user.id, username: user.username, name: user.name }, action: "auth.logout", entityType: "User", entityId: user.id, ip });
}
