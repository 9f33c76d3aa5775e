// Server-side sessions: each request reads the user's roles and unit fresh from the database.
import "server-only";
import { db, sqlQuery } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { unitLabel } from "@/lib/units/tree";
import { secondFactorRelaxed } from "@/lib/auth/second-factor";
import { secondFactorRequired } from "@/lib/auth/second-factor-rules";
import type { Role, UnitType } from "@/lib/generated/prisma/enums";

export const IDLE_MINUTES = 30;
/** A session ends 12 hours after sign-in, however busy: checked on the row, not only the cookie's maxAge. */
export const ABSOLUTE_HOURS = 12;
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
  /** The role requires the second factor and the account has not enrolled yet: only the enrolment page. */
  needsSecondFactor: boolean;
  sessionId: string;
};

/** The row loadSession reads: the session, its user, the unit and its parent, and the roles that must use a second factor. */
type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userId: string;
  username: string;
  name: string;
  roles: Role[];
  unitId: string;
  active: boolean;
  mustChangePassword: boolean;
  hasTotp: boolean;
  unitName: string;
  unitType: UnitType;
  parentName: string | null;
  secondFactorRoles: Role[];
};

/**
 * Every request (page or action) starts here, so it is one statement: Prisma loads each relation of an include
 * with a query of its own, one after another, and the session, user, unit, parent and the second-factor roles
 * were five round trips (issue 17; decision 0084). It goes straight through pg (sqlQuery), not compiled by Prisma
 * on every request (decision 0113).
 */
async function sessionRow(sessionId: string): Promise<SessionRow | null> {
  const rows = await sqlQuery<SessionRow>(Prisma.sql`
    SELECT s."id", s."createdAt", s."lastSeenAt", u."id" AS "userId", u."username", u."name", u."roles"::text[] AS "roles",
           u."unitId", u."active", u."mustChangePassword", (u."totpSecret" IS NOT NULL) AS "hasTotp",
           un."name" AS "unitName", un."type"::text AS "unitType", pa."name" AS "parentName",
           ARRAY(SELECT r."role"::text FROM "RoleSecondFactor" r WHERE r."required") AS "secondFactorRoles"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      JOIN "Unit" un ON un."id" = u."unitId"
      LEFT JOIN "Unit" pa ON pa."id" = un."parentId"
     WHERE s."id" = ${sessionId}`);
  return rows[0] ?? null;
}

export async function loadSession(sessionId: string, now = new Date()): Promise<CurrentUser | null> {
  const session = await sessionRow(sessionId);
  if (!session) return null;
  const user = {
    id: session.userId,
    username: session.username,
    name: session.name,
    roles: session.roles,
    unitId: session.unitId,
    active: session.active,
    mustChangePassword: session.mustChangePassword,
    unit: { id: session.unitId, name: session.unitName, type: session.unitType, parent: session.parentName === null ? null : { name: session.parentName } },
  };
  const actor = { id: user.id, username: user.username, name: user.name };
  if (!user.active) {
    await db.session.deleteMany({ where: { userId: user.id } });
    return null;
  }
  const idle = now.getTime() - session.lastSeenAt.getTime() > IDLE_MINUTES * 60 * 1000;
  const tooOld = now.getTime() - session.createdAt.getTime() > ABSOLUTE_HOURS * 3600 * 1000;
  if (idle || tooOld) {
    const removed = await db.session.deleteMany({ where: { id: sessionId } });
    if (removed.count > 0) {
      const summary = tooOld ? `登录已超过 ${ABSOLUTE_HOURS} 小时` : `闲置超过 ${IDLE_MINUTES} 分钟`;
      await writeAudit({ actor, action: "auth.session_expired", entityType: "User", entityId: user.id, summary });
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
    needsSecondFactor: !session.hasTotp && secondFactorRequired(user.roles, session.secondFactorRoles, secondFactorRelaxed()),
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

/** Expired rows, whoever never came back to find them so (the jobs' sweep, lib/auth/sweep.ts). */
export function expiredSessionWhere(now = new Date()) {
  return {
    OR: [{ lastSeenAt: { lt: new Date(now.getTime() - IDLE_MINUTES * 60_000) } }, { createdAt: { lt: new Date(now.getTime() - ABSOLUTE_HOURS * 3600_000) } }],
  };
}
