import "server-only";
// The expressions of the bigram indexes (migration 20261124000000_search): a query must write them exactly so, or
// the planner will not use the indexes. Shared by the search page (lib/search/queries.ts) and the project list's
// ?q= (lib/projects/queries.ts), which adds the same condition in front of its LIKE so that a two-character word
// is found from the index instead of from every row of the year.
import { Prisma } from "@/lib/generated/prisma/client";
import { wordBigrams } from "@/lib/search/schemas";

export const SEARCH_DOC = {
  project: Prisma.sql`search_bigrams(p."title" || E'\n' || coalesce(p."problem", ''))`,
  topic: Prisma.sql`search_bigrams(t."code" || E'\n' || t."title" || E'\n' || t."description")`,
  suggestion: Prisma.sql`search_bigrams(s."receiptNo" || E'\n' || s."content")`,
};

/**
 * The rows whose indexed text holds every bigram of the words: a necessary condition (the words themselves are
 * checked after it), null when no word has two characters.
 */
export function bigramCondition(doc: Prisma.Sql, words: readonly string[]): Prisma.Sql | null {
  const pairs = wordBigrams(words);
  return pairs.length > 0 ? Prisma.sql`${doc} @> ${pairs}::text[]` : null;
}
