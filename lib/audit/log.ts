import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { db, sqlQuery } from "@/lib/db/client";
import { type AuditOutcome, Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/audit/actions-catalog";
import { logger } from "@/lib/log";

export type AuditActor = { id: string; username: string; name: string } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  summary?: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
  outcome?: AuditOutcome;
};

/**
 * Appends one row to the audit log; pass the transaction so that the change and its record commit together.
 * The row is written pending and linked into the hash chain just after its transaction commits (decision 0103):
 * one plain INSERT, no lock held through the commit.
 */
export async function writeAudit(entry: AuditEntry, client: DbOrTx = db): Promise<void> {
  await client.$executeRaw(auditInsert(entry));
  auditWritten();
}

/**
 * The INSERT of one entry, for a statement that writes it together with the change it records (one round trip, one
 * atomic statement: the score save, lib/hearings/scores.ts). With `onlyIf`, the entry is written only when that
 * query returns a row (the change's own CTE: no entry for a save that was refused). Call auditWritten() after.
 */
export function auditInsert(entry: AuditEntry, onlyIf?: Prisma.Sql): Prisma.Sql {
  const details = entry.details === undefined ? null : JSON.stringify(entry.details);
  return Prisma.sql`
    INSERT INTO "AuditLog" ("actorId", "actorUsername", "actorName", "action", "entityType", "entityId", "summary", "details", "ip", "outcome")
    SELECT ${entry.actor?.id ?? null}::text, ${entry.actor?.username ?? null}::text, ${entry.actor?.name ?? null}::text, ${entry.action}::text,
           ${entry.entityType ?? null}::text, ${entry.entityId ?? null}::text, ${entry.summary ?? null}::text, ${details}::jsonb, ${entry.ip ?? null}::text,
           ${entry.outcome ?? "SUCCESS"}::"AuditOutcome"
    ${onlyIf ? Prisma.sql`WHERE EXISTS (${onlyIf})` : Prisma.empty}`;
}

/** After an entry is written: its chaining is due (below). */
export function auditWritten() {
  chainSoon();
}

// ---------------------------------------------------------------------------------------------------------------
// Chaining (decision 0103)

/** Entries linked per statement: a few ms of hashing in the database, one short transaction. */
const CHAIN_BATCH = 5_000;
/** Soon after a write (its transaction has normally committed by then), and once more later for slow commits. */
const CHAIN_SOON_MS = 20;
const CHAIN_LATER_MS = 1_000;

/** Links every committed pending entry into the hash chain, in batches; returns how many were linked. */
export async function chainPending(): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }] = await sqlQuery<{ n: number }>(Prisma.sql`SELECT audit_log_chain_pending(${CHAIN_BATCH}::int) AS n`);
    total += n;
    if (n < CHAIN_BATCH) return total;
  }
}

const timers: { soon: NodeJS.Timeout | null; later: NodeJS.Timeout | null } = { soon: null, later: null };

function runChain(which: "soon" | "later") {
  timers[which] = null;
  chainPending().catch((error) => logger.warn({ err: error }, "audit chain: linking pending entries failed (retried at the next write or check)"));
}

/**
 * Links what is pending now and cancels the timers: for a script about to end its pool (the demo's seed, the
 * setup), whose timers would otherwise fire on an ended pool and log a failed chaining.
 */
export async function chainPendingNow(): Promise<number> {
  for (const which of ["soon", "later"] as const) {
    if (timers[which]) clearTimeout(timers[which]);
    timers[which] = null;
  }
  return chainPending();
}

/**
 * Asks for the pending entries to be linked: once shortly (many writes of a busy moment share one chaining
 * transaction) and once a second after the last write, for a transaction that commits late. What a process
 * leaves pending (it stopped in between) is linked by the next write of any process, the verification, the
 * export and the purge, which all chain first.
 */
function chainSoon() {
  timers.soon ??= setTimeout(() => runChain("soon"), CHAIN_SOON_MS);
  if (timers.later) clearTimeout(timers.later);
  timers.later = setTimeout(() => runChain("later"), CHAIN_LATER_MS);
  timers.soon.unref?.();
  timers.later.unref?.();
}
