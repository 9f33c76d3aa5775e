import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { likeText } from "@/lib/db/search";
import { lockedAccounts, throttleOverview } from "@/lib/auth/throttle";
import { unitLabel } from "@/lib/units/tree";
import type { z } from "@/lib/validation";
import type { userFilterSchema } from "@/lib/users/schemas";

export const USERS_PAGE_SIZE = 30;

// Only the security admin reaches these (users.manage), so they are not scoped to a unit.
export async function userWhere(filter: z.infer<typeof userFilterSchema>, now = new Date()): Promise<Prisma.UserWhereInput> {
  const lockedNames = filter.status === "locked" ? [...(await lockedAccounts(null, now)).keys()] : [];
  return {
    AND: [
      filter.q
        ? {
            OR: [
              { name: { contains: likeText(filter.q) } },
              { username: { contains: likeText(filter.q.toLowerCase()) } },
              { unit: { name: { contains: likeText(filter.q) } } },
            ],
          }
        : {},
      filter.role ? { roles: { has: filter.role } } : {},
      filter.status === "active" || !filter.status ? { active: true } : {},
      filter.status === "inactive" ? { active: false } : {},
      filter.status === "locked" ? { username: { in: lockedNames } } : {},
    ],
  };
}

export async function listUsers(filter: z.infer<typeof userFilterSchema>, now = new Date()) {
  const where = await userWhere(filter, now);
  const page = filter.page ?? 1;
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { username: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      include: { unit: { select: { name: true, type: true, parent: { select: { name: true } } } } },
    }),
  ]);
  const lockedUntil = await lockedAccounts(
    users.map((u) => u.username),
    now,
  );
  return {
    total,
    page,
    pageSize: USERS_PAGE_SIZE,
    users: users.map((user) => ({ ...user, unitName: unitLabel(user.unit), lockedUntil: lockedUntil.get(user.username) ?? null })),
  };
}

export async function getUserForAdmin(id: string, now = new Date()) {
  const user = await db.user.findUnique({ where: { id }, include: { unit: { select: { id: true, name: true, type: true } } } });
  if (!user) return null;
  const locks = await lockedAccounts([user.username], now);
  const sessions = await db.session.findMany({
    where: { userId: id },
    orderBy: { lastSeenAt: "desc" },
    select: { createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return { ...user, lockedUntil: locks.get(user.username) ?? null, sessions };
}

export async function userCounts(now = new Date()) {
  const [active, inactive, locked, byRole] = await Promise.all([
    db.user.count({ where: { active: true } }),
    db.user.count({ where: { active: false } }),
    lockedAccounts(null, now).then((locks) => locks.size),
    db.$queryRaw<{ role: string; count: bigint }[]>`SELECT unnest("roles")::text AS role, count(*) AS count FROM "User" WHERE "active" GROUP BY 1`,
  ]);
  return { active, inactive, locked, byRole: Object.fromEntries(byRole.map((row) => [row.role, Number(row.count)])) };
}

/** The 登录安全 page: which roles need the second factor, and the sign-in counters running now. */
export async function loginSecurityOverview(now = new Date()) {
  const [settings, counters, enrolled] = await Promise.all([
    db.roleSecondFactor.findMany(),
    throttleOverview(now),
    db.$queryRaw<
      { role: string; count: bigint }[]
    >`SELECT unnest("roles")::text AS role, count(*) AS count FROM "User" WHERE "active" AND "totpSecret" IS NOT NULL GROUP BY 1`,
  ]);
  const names = [...new Set(counters.flatMap((row) => (row.username ? [row.username] : [])))];
  const known = new Set((await db.user.findMany({ where: { username: { in: names } }, select: { username: true } })).map((u) => u.username));
  return {
    chosen: settings.filter((row) => row.required).map((row) => row.role),
    enrolledByRole: Object.fromEntries(enrolled.map((row) => [row.role, Number(row.count)])),
    counters: counters.map((row) => ({ ...row, knownAccount: row.username ? known.has(row.username) : null })),
  };
}
