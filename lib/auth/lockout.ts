// Lockout after repeated failures, kept in PostgreSQL so it holds across restarts and app processes.
import "server-only";
import { db } from "@/lib/db/client";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export async function lockedUntil(username: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { username } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts one failure atomically (one SQL statement, safe with concurrent processes) and
 * returns the lock's end when this failure locked the account.
 */
export async function recordFailure(username: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ lockedUntil: Date | null; failures: number }[]>`
    INSERT INTO "LoginThrottle" ("username", "failures", "lastFailureAt")
    VALUES (${username}, 1, now())
    ON CONFLICT ("username") DO UPDATE SET
      "failures" = CASE
        WHEN "LoginThrottle"."lockedUntil" IS NOT NULL AND "LoginThrottle"."lockedUntil" <= now() THEN 1
        ELSE "LoginThrottle"."failures" + 1 END,
      "lastFailureAt" = now(),
      "lockedUntil" = CASE
        WHEN "LoginThrottle"."lockedUntil" IS NOT NULL AND "LoginThrottle"."lockedUntil" <= now() THEN NULL
        ELSE "LoginThrottle"."lockedUntil" END
    RETURNING "lockedUntil", "failures"`;
  const row = rows[0];
  if (row.failures < MAX_FAILURES) return null;
  const updated = await db.$queryRaw<{ lockedUntil: Date }[]>`
    UPDATE "LoginThrottle"
    SET "lockedUntil" = now() + make_interval(mins => ${LOCK_MINUTES}), "failures" = 0
    WHERE "username" = ${username} AND "failures" >= ${MAX_FAILURES}
    RETURNING "lockedUntil"`;
  return updated[0]?.lockedUntil ?? null;
}

export async function clearFailures(username: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { username } });
}
