// Refusals (signed out, wrong role, another unit's record) are audited as DENIED, but a flood must not fill
// the log: at most REFUSAL_ROWS_PER_MINUTE rows per address, account and refusal per minute. The refusals
// beyond that are counted (in RateLimit, the same fixed windows the public forms use) and the count is
// written into the first row of the next minute that has one (details.suppressedBefore), so nothing is
// silently lost while the flood lasts; the count of a minute after which the refusals stop entirely stays in
// RateLimit (two days) and is not written (docs/security.md#refusals).
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { type AuditActor, writeAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/generated/prisma/client";

export const REFUSAL_ROWS_PER_MINUTE = 10;
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

function refusalKey(refusal: Refusal) {
  const subject = `${refusal.ip ?? "unknown"}\n${refusal.actor?.id ?? "anonymous"}\n${refusal.summary}`;
  return `audit-refusal:${crypto.createHash("sha256").update(subject).digest("base64url").slice(0, 27)}`;
}

/** Writes the refusal's audit row unless this minute already has its share; returns whether it wrote one. */
export async function auditRefusal(refusal: Refusal): Promise<boolean> {
  const key = refusalKey(refusal);
  const rows = await db.$queryRaw<{ count: number; previous: number | null }[]>`
    WITH hit AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      VALUES (${key}, date_bin(make_interval(secs => ${WINDOW_SECONDS}), now(), TIMESTAMPTZ '2000-01-01'), 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "count", "windowStart")
    SELECT hit."count", (SELECT p."count" FROM "RateLimit" p WHERE p."key" = ${key} AND p."windowStart" = hit."windowStart" - make_interval(secs => ${WINDOW_SECONDS})) AS previous
    FROM hit`;
  const { count, previous } = rows[0];
  if (count > REFUSAL_ROWS_PER_MINUTE) return false;
  const suppressedBefore = count === 1 && previous !== null && previous > REFUSAL_ROWS_PER_MINUTE ? previous - REFUSAL_ROWS_PER_MINUTE : 0;
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
