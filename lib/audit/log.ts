import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { AuditOutcome, Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/audit/actions-catalog";

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

/** Appends one row to the audit log; pass the transaction so that the change and its record commit together. */
export async function writeAudit(entry: AuditEntry, client: DbOrTx = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorUsername: entry.actor?.username ?? null,
      actorName: entry.actor?.name ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? null,
      details: entry.details,
      ip: entry.ip ?? null,
      outcome: entry.outcome ?? "SUCCESS",
    },
  });
}
