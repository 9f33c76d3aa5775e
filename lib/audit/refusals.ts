// Refusals (signed out, wrong role, another unit's record) are audited as DENIED, but a flood must not fill
// the log: at most REFUSAL_ROWS_PER_MINUTE rows per address, account and refusal per minute, and, across all
// refusals, at most REFUSAL_CEILING_PER_MINUTE rows per address and per account (a visitor cycling through
// hundreds of action names would otherwise write ten rows for each). The refusals beyond either limit are
// counted (in RateLimit, the same fixed windows the public forms use) and the count is written into the first
// row of the next minute that has one for the same refusal (the first limit) or the same address or account
// (the ceiling) as details.suppressedBefore, so nothing is silently lost while the flood lasts; the count of a
// minute after which the refusals stop entirely stays in RateLimit (two days) and is not written
// (docs/security.md#refusals, decision 0093).
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { type AuditActor, writeAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/generated/prisma/client";

export const REFUSAL_ROWS_PER_MINUTE = 10;
export const REFUSAL_CEILING_PER_MINUTE = 60;
const WINDOW_SECONDS = 60;

export type Refusal = {
  actor: AuditActor;
  ip: string | null;
  /** What was refused, e.g. "操作：保存申报书" or "未登录：下载：projects.view". */
  summary: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, Prisma.InputJsonValue>;
};

const digest = (text: string) => crypto.createHash("sha256").update(text).digest("base64url").slice(0, 27);

function refusalKey(refusal: Refusal) {
  return `audit-refusal:${digest(`${refusal.ip ?? "unknown"}\n${refusal.actor?.id ?? "anonymous"}\n${refusal.summary}`)}`;
}

/** Counts one hit in this minute's window of `key`; returns this minute's count and the previous minute's. */
async function hit(key: string): Promise<{ count: number; previous: number | null }> {
  const rows = await db.$queryRaw<{ count: number; previous: number | null }[]>`
    WITH hit AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      VALUES (${key}, date_bin(make_interval(secs => ${WINDOW_SECONDS}), now(), TIMESTAMPTZ '2000-01-01'), 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "count", "windowStart")
    SELECT hit."count", (SELECT p."count" FROM "RateLimit" p WHERE p."key" = ${key} AND p."windowStart" = hit."windowStart" - make_interval(secs => ${WINDOW_SECONDS})) AS previous
    FROM hit`;
  return rows[0];
}

/** The refusals a limit left out in the previous minute, to be carried by this minute's first row. */
const leftOut = ({ count, previous }: { count: number; previous: number | null }, limit: number) =>
  count === 1 && previous !== null && previous > limit ? previous - limit : 0;

/** Writes the refusal's audit row unless this minute already has its share; returns whether it wrote one. */
export async function auditRefusal(refusal: Refusal): Promise<boolean> {
  const own = await hit(refusalKey(refusal));
  if (own.count > REFUSAL_ROWS_PER_MINUTE) return false;
  // The ceiling across refusals counts only those the first limit let through (the others are counted above).
  const overall = await Promise.all([
    hit(`audit-refusal:address:${digest(refusal.ip ?? "unknown")}`),
    ...(refusal.actor?.id ? [hit(`audit-refusal:account:${digest(refusal.actor.id)}`)] : []),
  ]);
  if (overall.some((window) => window.count > REFUSAL_CEILING_PER_MINUTE)) return false;
  // An account flooding from one address is counted under both: the larger of the two, never twice.
  const suppressedBefore = leftOut(own, REFUSAL_ROWS_PER_MINUTE) + Math.max(...overall.map((window) => leftOut(window, REFUSAL_CEILING_PER_MINUTE)));
  await writeAudit({
    actor: refusal.actor,
    action: "access.denied",
    entityType: refusal.entityType,
    entityId: refusal.entityId,
    summary: refusal.summary,
    details: suppressedBefore || refusal.details ? { ...refusal.details, ...(suppressedBefore ? { suppressedBefore } : {}) } : undefined,
    ip: refusal.ip,
    outcome: "DENIED",
  });
  return true;
}
