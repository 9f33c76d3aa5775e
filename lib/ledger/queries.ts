import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Reader } from "@/lib/learning/reach";
import { yearBounds } from "@/lib/learning/rules";
import { confirmableWhere, keeperWhere, ledgerScope } from "@/lib/ledger/scope";
import { overdueCutoff, WORKING } from "@/lib/ledger/rules";
import type { LedgerFilter } from "@/lib/ledger/schemas";

export const LEDGER_PAGE_SIZE = 20;

export function overdueWhere(now: Date): Prisma.LedgerProblemWhereInput {
  return { status: { in: WORKING }, targetDate: { lte: overdueCutoff(now) } };
}

/** The list's where clause: the viewer's scope and the filters of the address. */
export function ledgerWhere(viewer: Reader, filter: LedgerFilter, now: Date): Prisma.LedgerProblemWhereInput {
  const and: Prisma.LedgerProblemWhereInput[] = [ledgerScope(viewer)];
  if (filter.section) and.push({ sectionId: filter.section });
  if (filter.status) and.push({ status: filter.status });
  if (filter.view === "overdue") and.push(overdueWhere(now));
  if (filter.view === "confirm") and.push(confirmableWhere(viewer), { status: "PENDING" });
  if (filter.q) and.push({ title: { contains: filter.q, mode: "insensitive" } });
  return { AND: and };
}

export const LEDGER_ORDER: Prisma.LedgerProblemOrderByWithRelationInput[] = [{ targetDate: "asc" }, { id: "asc" }];

export const LEDGER_ROW = {
  id: true,
  title: true,
  since: true,
  measures: true,
  targetDate: true,
  status: true,
  clearedAt: true,
  reopenCount: true,
  section: { select: { name: true } },
  owner: { select: { name: true } },
  confirmedBy: { select: { name: true } },
} satisfies Prisma.LedgerProblemSelect;

export async function ledgerList(viewer: Reader, filter: LedgerFilter, now = new Date()) {
  const where = ledgerWhere(viewer, filter, now);
  const page = filter.page ?? 1;
  const [total, rows, toConfirm] = await Promise.all([
    db.ledgerProblem.count({ where }),
    db.ledgerProblem.findMany({ where, orderBy: LEDGER_ORDER, skip: (page - 1) * LEDGER_PAGE_SIZE, take: LEDGER_PAGE_SIZE, select: LEDGER_ROW }),
    db.ledgerProblem.count({ where: { AND: [confirmableWhere(viewer), { status: "PENDING" }] } }),
  ]);
  return { total, page, pageSize: LEDGER_PAGE_SIZE, rows, toConfirm };
}

/** One problem, if the viewer may read it, with what they may do to it. */
export async function ledgerProblem(viewer: Reader, id: string) {
  const problem = await db.ledgerProblem.findFirst({
    where: { AND: [{ id }, ledgerScope(viewer)] },
    include: {
      section: { select: { id: true, name: true, headId: true } },
      owner: { select: { id: true, name: true } },
      confirmedBy: { select: { name: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
    },
  });
  if (!problem) return null;
  const [keeper, confirmer] = await Promise.all([
    db.ledgerProblem.count({ where: { AND: [{ id }, keeperWhere(viewer)] } }),
    db.ledgerProblem.count({ where: { AND: [{ id }, confirmableWhere(viewer)] } }),
  ]);
  return { problem, keeper: keeper > 0, confirmer: confirmer > 0 };
}

/** The department's sections (the list's filter). */
export async function ledgerSections() {
  return db.unit.findMany({ where: { type: "SECTION", active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

/** Whom the writer may name as owner: the head any active cadre of the section, a cadre only themselves. */
export async function ownerChoices(writer: Reader & { unitId: string }) {
  const section = await db.unit.findFirst({ where: { id: writer.unitId, type: "SECTION" }, select: { headId: true } });
  if (!section) return [];
  return db.user.findMany({
    where: { unitId: writer.unitId, active: true, roles: { has: "COUNTY_STAFF" }, ...(section.headId === writer.id ? {} : { id: writer.id }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function ledgerAttachmentForViewer(viewer: Reader, problemId: string, attachmentId: string) {
  return db.ledgerAttachment.findFirst({ where: { id: attachmentId, problemId, problem: ledgerScope(viewer) } });
}

/**
 * Overdue problems (在办 or 重新打开 after their target day), in the whole department or one section: for the
 * county dashboard and the lead's cadre record.
 */
export async function ledgerOverdueCount(options: { now?: Date; sectionId?: string; ownerIds?: string[] } = {}): Promise<number> {
  return db.ledgerProblem.count({
    where: {
      ...overdueWhere(options.now ?? new Date()),
      ...(options.sectionId ? { sectionId: options.sectionId } : {}),
      ...(options.ownerIds ? { ownerId: { in: options.ownerIds } } : {}),
    },
  });
}

export type LedgerSectionRow = { sectionId: string; name: string; open: number; pending: number; overdue: number };

/** The dashboard's panel: per section, problems still open, waiting for 销号, and overdue; one grouped query. */
export async function ledgerBySection(now = new Date()): Promise<LedgerSectionRow[]> {
  const cutoff = overdueCutoff(now);
  return db.$queryRaw<LedgerSectionRow[]>`
    SELECT u."id" AS "sectionId", u."name",
           count(*) FILTER (WHERE p."status" = ANY(${WORKING}::"LedgerStatus"[]))::int AS open,
           count(*) FILTER (WHERE p."status" = 'PENDING')::int AS pending,
           count(*) FILTER (WHERE p."status" = ANY(${WORKING}::"LedgerStatus"[]) AND p."targetDate" <= ${cutoff})::int AS overdue
      FROM "LedgerProblem" p JOIN "Unit" u ON u."id" = p."sectionId"
     WHERE p."status" <> 'CLEARED'
     GROUP BY u."id", u."name", u."sortOrder"
     ORDER BY u."sortOrder", u."name"`;
}

export type LedgerRecord = { userId: string; owned: number; open: number; overdue: number; clearedInYear: number };

/**
 * Each cadre's ledger figures for a year (for the cadre's record): problems owned (any state), still open
 * (在办 / 重新打开 / 待确认), overdue now, and cleared (销号) within the year. Unknown years give zeros.
 */
export async function ledgerRecordFor(userIds: string[], yearId: string, now = new Date()): Promise<Map<string, LedgerRecord>> {
  const result = new Map(userIds.map((userId) => [userId, { userId, owned: 0, open: 0, overdue: 0, clearedInYear: 0 }]));
  const year = await db.year.findUnique({ where: { id: yearId }, select: { year: true } });
  if (!year || userIds.length === 0) return result;
  const { start, end } = yearBounds(year.year);
  const cutoff = overdueCutoff(now);
  const rows = await db.$queryRaw<LedgerRecord[]>`
    SELECT p."ownerId" AS "userId", count(*)::int AS owned,
           count(*) FILTER (WHERE p."status" <> 'CLEARED')::int AS open,
           count(*) FILTER (WHERE p."status" = ANY(${WORKING}::"LedgerStatus"[]) AND p."targetDate" <= ${cutoff})::int AS overdue,
           count(*) FILTER (WHERE p."status" = 'CLEARED' AND p."clearedAt" >= ${start} AND p."clearedAt" < ${end})::int AS "clearedInYear"
      FROM "LedgerProblem" p WHERE p."ownerId" = ANY(${userIds}) GROUP BY p."ownerId"`;
  for (const row of rows) result.set(row.userId, row);
  return result;
}
