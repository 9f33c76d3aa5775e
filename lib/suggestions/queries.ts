import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { likeText } from "@/lib/db/search";
import { splitWords } from "@/lib/search/schemas";
import type { SuggestionFilter } from "@/lib/suggestions/schemas";
import { normalizeReceipt } from "@/lib/suggestions/catalog";

export const SUGGESTIONS_PAGE_SIZE = 30;

// Only county readers (suggestions.view) reach the inbox; it is the whole county's box by design.
export function suggestionWhere(filter: SuggestionFilter & { yearId: string | null }): Prisma.SuggestionWhereInput {
  return {
    AND: [
      filter.yearId ? { yearId: filter.yearId } : {},
      filter.category ? { category: filter.category } : {},
      filter.aspectId ? { aspectId: filter.aspectId } : {},
      filter.status ? { status: filter.status } : {},
      // Every word of the query, as on the search page (lib/search).
      filter.q
        ? {
            AND: splitWords(filter.q).map((word) => ({
              OR: [{ content: { contains: likeText(word) } }, { receiptNo: { contains: likeText(normalizeReceipt(word)) } }],
            })),
          }
        : {},
    ],
  };
}

export async function listSuggestions(filter: SuggestionFilter & { yearId: string | null }) {
  const where = suggestionWhere(filter);
  const page = filter.page ?? 1;
  const [total, suggestions] = await Promise.all([
    db.suggestion.count({ where }),
    db.suggestion.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SUGGESTIONS_PAGE_SIZE,
      take: SUGGESTIONS_PAGE_SIZE,
      include: { aspect: { select: { name: true } }, unit: { select: { name: true } } },
    }),
  ]);
  return { total, page, pageSize: SUGGESTIONS_PAGE_SIZE, suggestions };
}

export function getSuggestion(id: string) {
  return db.suggestion.findUnique({
    where: { id },
    include: {
      aspect: { select: { name: true } },
      unit: { select: { name: true } },
      year: { select: { year: true } },
      handledBy: { select: { name: true } },
      mergedInto: { select: { id: true, receiptNo: true } },
      merged: { select: { id: true, receiptNo: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** What the person sees with their receipt number: their text, the state and the reply, nothing else. */
export function lookupByReceipt(receiptNo: string) {
  return db.suggestion.findUnique({
    where: { receiptNo: normalizeReceipt(receiptNo) },
    select: {
      receiptNo: true,
      category: true,
      content: true,
      status: true,
      reply: true,
      handledAt: true,
      createdAt: true,
      aspect: { select: { name: true } },
      mergedInto: { select: { receiptNo: true, status: true, reply: true } },
    },
  });
}

export function mySuggestions(userId: string) {
  return db.suggestion.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, receiptNo: true, content: true, status: true, reply: true, createdAt: true, aspect: { select: { name: true } } },
  });
}

export function activeAspects() {
  return db.suggestionAspect.findMany({
    where: { active: true },
    orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, category: true, name: true },
  });
}

export function allAspects() {
  return db.suggestionAspect.findMany({
    orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    include: { _count: { select: { suggestions: true } } },
  });
}

/** Counts per category and aspect for one year (seed 001: "4大类16个方面"). */
export async function suggestionCounts(yearId: string) {
  const rows = await db.suggestion.groupBy({ by: ["category", "aspectId", "status"], where: { yearId }, _count: { _all: true } });
  return rows.map((row) => ({ category: row.category, aspectId: row.aspectId, status: row.status, count: row._count._all }));
}
