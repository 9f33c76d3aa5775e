// Fixed-window rate limits kept in PostgreSQL, so they hold across restarts and app processes.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** Counts one hit against each rule; refuses when any window is full. */
export async function consumeRateLimit(subject: string, rules: RateLimitRule[]): Promise<{ allowed: boolean }> {
  let allowed = true;
  for (const rule of rules) {
    const key = `${rule.name}:${subject}`;
    const rows = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      VALUES (${key}, date_bin(make_interval(secs => ${rule.windowSeconds}), now(), TIMESTAMPTZ '2000-01-01'), 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "count"`;
    if (rows[0].count > rule.limit) allowed = false;
  }
  // Old windows are useless; sweeping them here keeps the table small without a job.
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < now() - interval '2 days'`;
  return { allowed };
}

/** Addresses are kept hashed: the limit needs to tell them apart, not to know them. */
export function addressKey(ip: string | null): string {
  return crypto
    .createHash("sha256")
    .update(`${process.env.NEXTAUTH_SECRET ?? ""}:${ip ?? "unknown"}`)
    .digest("base64url")
    .slice(0, 22);
}

/** Whether a rule's current window is already full for the subject, without counting a hit. */
export async function rateLimitReached(subject: string, rule: RateLimitRule): Promise<boolean> {
  const key = `${rule.name}:${subject}`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimit"
    WHERE "key" = ${key} AND "windowStart" = date_bin(make_interval(secs => ${rule.windowSeconds}), now(), TIMESTAMPTZ '2000-01-01')`;
  return (rows[0]?.count ?? 0) >= rule.limit;
}
