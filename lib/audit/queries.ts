import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "@/lib/validation";
import { endOfBusinessDay, startOfBusinessDay } from "@/lib/time";
import { AUDIT_ACTIONS } from "@/lib/audit/actions-catalog";
import { likeText } from "@/lib/db/search";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 50_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  person: z.string().trim().max(60).optional().catch(undefined),
  action: z
    .enum(Object.keys(AUDIT_ACTIONS) as [string, ...string[]])
    .optional()
    .catch(undefined),
  outcome: z.enum(["SUCCESS", "FAILURE", "DENIED"]).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const from = filter.from ? startOfBusinessDay(filter.from) : null;
  const to = filter.to ? endOfBusinessDay(filter.to) : null;
  return {
    AND: [
      filter.person
        ? { OR: [{ actorUsername: { contains: likeText(filter.person.toLowerCase()) } }, { actorName: { contains: likeText(filter.person) } }] }
        : {},
      filter.action ? { action: filter.action } : {},
      filter.outcome ? { outcome: filter.outcome } : {},
      from ? { at: { gte: from } } : {},
      to ? { at: { lt: to } } : {},
    ],
  };
}

export async function searchAudit(filter: AuditFilter) {
  const where = auditWhere(filter);
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { total, page, pageSize: AUDIT_PAGE_SIZE, rows };
}

export async function auditSummary(now = new Date()) {
  const since = new Date(now.getTime() - 24 * 3600 * 1000);
  const rows = await db.auditLog.groupBy({ by: ["action"], where: { at: { gte: since } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.action, row._count._all])) as Record<string, number>;
}
