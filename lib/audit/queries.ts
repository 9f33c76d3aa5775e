import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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

// ---------------------------------------------------------------------------------------------------------------
// Repeated refusals, for the audit admin: DENIED rows grouped by address or by account over a period, the
// groups counted and paged in the database. A group's refusals include those the rate limit left out
// (details.suppressedBefore, lib/audit/refusals.ts).

export const REFUSALS_PAGE_SIZE = 30;

export const refusalsFilterSchema = z.object({
  by: z.enum(["address", "account"]).catch("address"),
  from: isoDate,
  to: isoDate,
  min: z.coerce.number().int().min(1).max(100000).catch(2),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});
export type RefusalsFilter = z.infer<typeof refusalsFilterSchema>;

export type RefusalGroup = { subject: string; refusals: number; rows: number; accounts: number; addresses: number; first: Date; last: Date; what: string[] };

export async function repeatedRefusals(filter: RefusalsFilter, now = new Date()) {
  const from = filter.from ? startOfBusinessDay(filter.from) : new Date(now.getTime() - 7 * 86_400_000);
  const to = filter.to ? endOfBusinessDay(filter.to) : new Date(now.getTime() + 60_000);
  const subject = filter.by === "account" ? Prisma.sql`coalesce("actorUsername", '（未登录）')` : Prisma.sql`coalesce("ip", '（未知地址）')`;
  const page = filter.page ?? 1;
  const rows = await db.$queryRaw<(RefusalGroup & { total: number })[]>`
    SELECT subject, refusals, rows, accounts, addresses, first, last, what, count(*) OVER ()::int AS total FROM (
      SELECT ${subject} AS subject,
             (count(*) + coalesce(sum(("details"->>'suppressedBefore')::int), 0))::int AS refusals,
             count(*)::int AS rows,
             count(DISTINCT "actorUsername")::int AS accounts,
             count(DISTINCT "ip")::int AS addresses,
             min("at") AS first, max("at") AS last,
             (array_agg(DISTINCT "summary"))[1:5] AS what
      FROM "AuditLog"
      WHERE "outcome" = 'DENIED' AND "at" >= ${from} AND "at" < ${to}
      GROUP BY 1) g
    WHERE refusals >= ${filter.min}
    ORDER BY refusals DESC, last DESC
    LIMIT ${REFUSALS_PAGE_SIZE} OFFSET ${(page - 1) * REFUSALS_PAGE_SIZE}`;
  return { groups: rows.map(({ total: _total, ...group }) => group), total: rows[0]?.total ?? 0, page, pageSize: REFUSALS_PAGE_SIZE };
}
