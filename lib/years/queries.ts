import "server-only";
import { db } from "@/lib/db/client";
import type { WindowKind } from "@/lib/generated/prisma/enums";
import { WINDOW_KINDS } from "@/lib/years/windows";

const windowOrder = (kind: WindowKind) => WINDOW_KINDS.indexOf(kind);

export async function listYears() {
  return db.year.findMany({ orderBy: { year: "desc" }, include: { _count: { select: { windows: true } } } });
}

export async function getYear(id: string) {
  const year = await db.year.findUnique({ where: { id }, include: { windows: true } });
  if (year) year.windows.sort((a, b) => windowOrder(a.kind) - windowOrder(b.kind));
  return year;
}

/** The year marked current, else the latest one. */
export async function getCurrentYear() {
  const year =
    (await db.year.findFirst({ where: { isCurrent: true }, include: { windows: true } })) ??
    (await db.year.findFirst({ orderBy: { year: "desc" }, include: { windows: true } }));
  if (year) year.windows.sort((a, b) => windowOrder(a.kind) - windowOrder(b.kind));
  return year;
}

/** The years for a year picker, and the one chosen: the asked-for year, else the current, else the latest. */
export async function yearChoice(asked?: number) {
  const years = await db.year.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, isCurrent: true } });
  const year = years.find((y) => y.year === asked) ?? years.find((y) => y.isCurrent) ?? years[0] ?? null;
  return { years, year };
}
