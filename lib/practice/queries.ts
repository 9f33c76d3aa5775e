import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PracticeKind, WindowKind } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import { isSectionCadre, readsAllCadres, visibleCadreWhere, type Reader } from "@/lib/learning/reach";
import { practiceCell, SLOTS, type PracticeCell, type Slot } from "@/lib/practice/periods";
import { practiceDues, reviewableWhere } from "@/lib/practice/service";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export const GRID_PAGE_SIZE = 30;

type Viewer = Reader;

/** Cadres (组工干部): active department staff whose unit is a section of the department. */
export function cadreWhere(section?: string): Prisma.UserWhereInput {
  return { active: true, roles: { has: "COUNTY_STAFF" }, unit: { type: "SECTION", ...(section ? { id: section } : {}) } };
}

/**
 * Whose items a viewer may read (decision 0057, extended to 四个一 by 0089): the admin, leaders and department
 * staff outside the sections everyone's; a cadre their own and, as head, their section's; anyone else none.
 */
export function practiceScope(viewer: Viewer): Prisma.PracticeItemWhereInput {
  if (!can(viewer.roles, "practice.view")) return { id: "-" };
  if (readsAllCadres(viewer)) return {};
  if (isSectionCadre(viewer)) return { user: { OR: [{ id: viewer.id }, { unit: { headId: viewer.id } }] } };
  return { id: "-" };
}

/** The cadres whose year, items and grid row a viewer may read, as a where clause on User (same rule). */
export function practiceCadreWhere(viewer: Viewer, section?: string): Prisma.UserWhereInput {
  return can(viewer.roles, "practice.view") ? visibleCadreWhere(viewer, section) : { id: "-" };
}

/** A file of an item the viewer may read (the same scope as the item page), for the download route. */
export async function practiceAttachmentForViewer(viewer: Viewer, itemId: string, attachmentId: string) {
  return db.practiceAttachment.findFirst({ where: { id: attachmentId, itemId, item: practiceScope(viewer) } });
}

type ItemSummary = { id: string; status: "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED"; late: boolean; kind: PracticeKind; period: number; title: string };
export type SlotView = Slot & { due: Date; cell: PracticeCell; item: ItemSummary | null };

function slotViews(items: ItemSummary[], year: number, dues: Map<WindowKind, Date>, now: Date): SlotView[] {
  return SLOTS.map((slot) => {
    const item = items.find((i) => i.kind === slot.kind && i.period === slot.period) ?? null;
    const due = dues.get(slot.window)!;
    return { ...slot, due, item, cell: practiceCell({ item, year, kind: slot.kind, period: slot.period, due }, now) };
  });
}

const ITEM_SUMMARY = { id: true, status: true, late: true, kind: true, period: true, title: true } satisfies Prisma.PracticeItemSelect;

/** A cadre's year: the seven items with their due dates and states. */
export async function cadreYear(viewer: Viewer, cadreId: string, year: number, now = new Date()) {
  const cadre = await db.user.findFirst({
    where: { AND: [{ id: cadreId }, practiceCadreWhere(viewer)] },
    select: { id: true, name: true, unit: { select: { id: true, name: true, headId: true } } },
  });
  if (!cadre) return null;
  const items = await db.practiceItem.findMany({ where: { AND: [{ userId: cadre.id, year }, practiceScope(viewer)] }, select: ITEM_SUMMARY });
  const dues = await practiceDues(db, year);
  return { cadre, slots: slotViews(items, year, dues, now) };
}

/** One item's page: the item of this cadre, year, kind and period (if written), with its due date. */
export async function practiceItemPage(viewer: Viewer, cadreId: string, key: { year: number; kind: PracticeKind; period: number }, now = new Date()) {
  const year = await cadreYear(viewer, cadreId, key.year, now);
  if (!year) return null;
  const slot = year.slots.find((s) => s.kind === key.kind && s.period === key.period);
  if (!slot) return null;
  const item = await db.practiceItem.findFirst({
    where: { AND: [{ userId: cadreId, ...key }, practiceScope(viewer)] },
    include: {
      user: { select: { name: true } },
      attachments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, size: true } },
    },
  });
  const reviewable = item
    ? Boolean(await db.practiceItem.findFirst({ where: { AND: [{ id: item.id }, reviewableWhere(viewer)] }, select: { id: true } }))
    : false;
  const linked = item?.projectId ? await db.project.findUnique({ where: { id: item.projectId }, select: { id: true, title: true } }) : null;
  return { cadre: year.cadre, slot, item, reviewable, linked };
}

/** The section head's list: submitted items of the cadres they review, oldest first. */
export async function reviewQueue(viewer: Viewer, page = 1) {
  const where: Prisma.PracticeItemWhereInput = { AND: [reviewableWhere(viewer), { status: "SUBMITTED" }] };
  const [total, items] = await Promise.all([
    db.practiceItem.count({ where }),
    db.practiceItem.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * GRID_PAGE_SIZE,
      take: GRID_PAGE_SIZE,
      select: { ...ITEM_SUMMARY, year: true, submittedAt: true, userId: true, user: { select: { name: true, unit: { select: { name: true } } } } },
    }),
  ]);
  return { total, page, pageSize: GRID_PAGE_SIZE, items };
}

export type GridFilter = { year: number; section?: string; page?: number };

export const GRID_ORDER: Prisma.UserOrderByWithRelationInput[] = [{ unit: { sortOrder: "asc" } }, { name: "asc" }, { id: "asc" }];

export function gridSelect(year: number) {
  return {
    id: true,
    name: true,
    unit: { select: { name: true } },
    practiceItems: { where: { year }, select: ITEM_SUMMARY },
  } satisfies Prisma.UserSelect;
}

type GridCadre = Prisma.UserGetPayload<{ select: ReturnType<typeof gridSelect> }>;

export function gridRow(cadre: GridCadre, year: number, dues: Map<WindowKind, Date>, now: Date) {
  const slots = slotViews(cadre.practiceItems, year, dues, now);
  return { cadre, slots, done: slots.filter((s) => s.cell === "accepted" || s.cell === "submitted").length };
}

/** Staff's grid: cadres × the seven items of a year (those the viewer may read), filtered by section, paged in the database. */
export async function practiceGrid(viewer: Viewer, filter: GridFilter, now = new Date()) {
  const where = practiceCadreWhere(viewer, filter.section);
  const page = filter.page ?? 1;
  const dues = await practiceDues(db, filter.year);
  const [total, cadres] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, orderBy: GRID_ORDER, skip: (page - 1) * GRID_PAGE_SIZE, take: GRID_PAGE_SIZE, select: gridSelect(filter.year) }),
  ]);
  return { total, page, pageSize: GRID_PAGE_SIZE, rows: cadres.map((c) => gridRow(c, filter.year, dues, now)), dues };
}

/** The department's sections with their heads and cadres (for the filter and the admin's head setting). */
export async function practiceSections() {
  return db.unit.findMany({
    where: { type: "SECTION", active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      headId: true,
      head: { select: { name: true } },
      users: { where: { active: true, roles: { has: "COUNTY_STAFF" } }, select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
}

/** Projects a 典型 may link: those of the programme that started (implemented, completed or marked cases). */
/** How many projects the 典型's picker offers for what was typed. */
export const LINKABLE_SHOWN = 10;

/**
 * Projects a 典型 may link (work on them has started: 实施中, 已结项; the case library's are among them), found by
 * the words of their title or their code, in the database (the title's trigram index); at most LINKABLE_SHOWN.
 */
export async function findLinkableProjects(words: string[]) {
  if (words.length === 0) return [];
  const rows = await db.project.findMany({
    where: {
      state: { in: PROJECT_MACHINE.group("started") },
      AND: words.map((word) => ({ OR: [{ title: { contains: word, mode: "insensitive" as const } }, { code: { startsWith: word } }] })),
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: LINKABLE_SHOWN,
    select: { id: true, title: true, code: true, unit: { select: { name: true } }, year: { select: { year: true } } },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, detail: [row.code, row.unit.name, `${row.year.year} 年度`].filter(Boolean).join(" · ") }));
}

/** The project a 典型 links now, shown in its picker. */
export async function linkedProject(id: string | null) {
  if (!id) return null;
  return db.project.findUnique({ where: { id }, select: { id: true, title: true } });
}
