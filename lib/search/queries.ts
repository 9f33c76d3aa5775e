import "server-only";
// One search box across projects, topics, suggestions and the case library (app/(app)/search/page.tsx).
//
// Matching: every word must occur (AND) in one of the kind's fields, case-insensitively, as a substring:
// Chinese has no spaces, so a word is any run of characters the user typed. The fields are those of each
// module's own list filter (?q=), so the "查看全部" link shows the same rows for a one-word query.
// Speed: two-character words are the common case and pg_trgm cannot index them, so each table has a GIN
// index of its rows' character bigrams (search_bigrams(), migration 20261124000000_search, measurements
// there). The bigram containment narrows the rows, strpos() then checks the words themselves. The
// expressions are in lib/search/bigrams.ts and must stay identical to the indexed ones.
//
// Scoping is in the queries, as in each module's list: projects (projectWhere: a unit its own, county readers
// all but other units' never-submitted drafts), topics (topicScope: drafts for county readers only),
// suggestions (county readers only, by permission), the case library (inLibrary: every business role).
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { bigramCondition, SEARCH_DOC as DOC } from "@/lib/search/bigrams";
import { keptCount, sqlKey } from "@/lib/db/kept";

export const SEARCH_HITS = 5;

type Viewer = Pick<CurrentUser, "roles" | "unitId">;

/** Every word in one of the fields (case-insensitive substring), and the index condition when there is one. */
function matchSql(fields: Prisma.Sql[], words: readonly string[], doc?: Prisma.Sql): Prisma.Sql {
  const conditions = words.map(
    (word) =>
      Prisma.sql`(${Prisma.join(
        fields.map((field) => Prisma.sql`strpos(lower(${field}), lower(${word})) > 0`),
        " OR ",
      )})`,
  );
  const indexed = doc ? bigramCondition(doc, words) : null;
  if (indexed) conditions.unshift(indexed);
  return Prisma.join(conditions, " AND ");
}

export type YearCount = { year: number; count: number };
export type Section<T> = { total: number; byYear: YearCount[]; hits: T[] };

async function section<T>(hits: Promise<T[]>, counts: Promise<{ year: number; count: bigint | number }[]> | null): Promise<Section<T>> {
  if (counts === null) return { total: 0, byYear: [], hits: await hits };
  const [rows, years] = await Promise.all([hits, counts]);
  const byYear = years.map((row) => ({ year: row.year, count: Number(row.count) }));
  return { total: byYear.reduce((sum, row) => sum + row.count, 0), byYear, hits: rows };
}

/**
 * Counts per year of projects and topics, kept between writes to them (decision 0114): a common word is in a sixth
 * of 200,000 projects, counted again on every search. Suggestions and the case library read tables no change
 * counter watches (and are small): counted afresh.
 */
function keptYearCounts(kind: string, query: Prisma.Sql) {
  return keptCount(sqlKey(kind, query), () => db.$queryRaw<{ year: number; count: number }[]>(query));
}

export type ProjectHit = { id: string; title: string; problem: string | null; unitName: string; year: number; state: string };

/** How many of a year's projects, newest first, the walk reads before it gives up on the year (see below). */
const NEWEST_WINDOW = 2000;

/**
 * A county reader's first project hits without fetching every match: a common word is in a sixth of 200,000
 * projects, and the bigram index hands them all over to be sorted for five. The years newest first, each year's
 * projects newest first through its index (Project_yearId_updatedAt_id_idx), at most NEWEST_WINDOW of them per year,
 * the words checked on each. Exact, or null: a year whose window gave too few hits while it holds more projects than
 * the window leaves later matches unseen, and then the caller reads through the bigram index as before (a rare word,
 * which is cheap there).
 */
async function newestProjectHits(scopeAndWords: Prisma.Sql, limit: number, window: number): Promise<ProjectHit[] | null> {
  const years = await db.$queryRaw<{ id: string; year: number }[]>`SELECT "id", "year" FROM "Year" ORDER BY "year" DESC`;
  const hits: ProjectHit[] = [];
  for (const year of years) {
    const wanted = limit - hits.length;
    const [found] = await db.$queryRaw<{ hits: ProjectHit[]; more: boolean }[]>`
      WITH w AS (SELECT * FROM "Project" p WHERE p."yearId" = ${year.id} ORDER BY p."updatedAt" DESC, p."id" DESC LIMIT ${window})
      SELECT coalesce((SELECT jsonb_agg(h ORDER BY h."n") FROM (
               SELECT p."id", p."title", p."problem", u."name" AS "unitName", ${year.year}::int AS "year", p."state"::text AS "state",
                      row_number() OVER (ORDER BY p."updatedAt" DESC, p."id" DESC) AS "n"
                 FROM w p JOIN "Unit" u ON u."id" = p."unitId"
                WHERE ${scopeAndWords}
                ORDER BY p."updatedAt" DESC, p."id" DESC LIMIT ${wanted}) h), '[]') AS "hits",
             EXISTS (SELECT 1 FROM "Project" p WHERE p."yearId" = ${year.id} ORDER BY p."updatedAt" DESC, p."id" DESC OFFSET ${window}) AS "more"`;
    hits.push(...found.hits.map(({ n: _n, ...hit }: ProjectHit & { n?: number }) => hit));
    if (hits.length === limit) return hits;
    if (found.more) return null;
  }
  return hits;
}

function searchProjects(viewer: Viewer, words: readonly string[], limit: number, counts = true, window = NEWEST_WINDOW) {
  const county = seesWholeCounty(viewer.roles);
  const scope = county
    ? Prisma.sql`(p."state" <> 'DRAFT' OR p."submittedAt" IS NOT NULL)` // another unit's unfinished draft is its own business
    : Prisma.sql`p."unitId" = ${viewer.unitId}`;
  const fields = [Prisma.sql`p."title"`, Prisma.sql`coalesce(p."problem", '')`];
  const where = Prisma.sql`${scope} AND ${matchSql(fields, words, DOC.project)}`;
  const throughIndex = () =>
    db.$queryRaw<ProjectHit[]>`
      SELECT p."id", p."title", p."problem", u."name" AS "unitName", y."year", p."state"::text AS "state"
        FROM "Project" p JOIN "Unit" u ON u."id" = p."unitId" JOIN "Year" y ON y."id" = p."yearId"
       WHERE ${where}
       ORDER BY y."year" DESC, p."updatedAt" DESC, p."id" DESC LIMIT ${limit}`;
  // A unit's own projects are few and found through its unit index; the walk is for the whole county's.
  const hits = county
    ? newestProjectHits(Prisma.sql`${scope} AND ${matchSql(fields, words)}`, limit, window).then((found) => found ?? throughIndex())
    : throughIndex();
  return section(
    hits,
    !counts
      ? null
      : keptYearCounts(
          "searchProjects",
          Prisma.sql`
      SELECT y."year", count(*)::int AS "count" FROM "Project" p JOIN "Year" y ON y."id" = p."yearId"
       WHERE ${where} GROUP BY y."year" ORDER BY y."year" DESC`,
        ),
  );
}

export type TopicHit = { id: string; code: string; title: string; description: string; year: number; status: string };

function searchTopics(viewer: Viewer, words: readonly string[], limit: number, counts = true) {
  const scope = seesWholeCounty(viewer.roles) ? Prisma.sql`TRUE` : Prisma.sql`t."status" <> 'DRAFT'`;
  const where = Prisma.sql`${scope} AND ${matchSql([Prisma.sql`t."code"`, Prisma.sql`t."title"`, Prisma.sql`t."description"`], words, DOC.topic)}`;
  return section(
    db.$queryRaw<TopicHit[]>`
      SELECT t."id", t."code", t."title", t."description", y."year", t."status"::text AS "status"
        FROM "Topic" t JOIN "Year" y ON y."id" = t."yearId"
       WHERE ${where}
       ORDER BY y."year" DESC, t."category", t."seq", t."id" LIMIT ${limit}`,
    !counts
      ? null
      : keptYearCounts(
          "searchTopics",
          Prisma.sql`
      SELECT y."year", count(*)::int AS "count" FROM "Topic" t JOIN "Year" y ON y."id" = t."yearId"
       WHERE ${where} GROUP BY y."year" ORDER BY y."year" DESC`,
        ),
  );
}

export type SuggestionHit = { id: string; receiptNo: string; content: string; year: number; status: string; createdAt: Date };

function searchSuggestions(words: readonly string[], limit: number, counts = true) {
  const where = matchSql([Prisma.sql`s."receiptNo"`, Prisma.sql`s."content"`], words, DOC.suggestion);
  return section(
    db.$queryRaw<SuggestionHit[]>`
      SELECT s."id", s."receiptNo", s."content", y."year", s."status"::text AS "status", s."createdAt"
        FROM "Suggestion" s JOIN "Year" y ON y."id" = s."yearId"
       WHERE ${where}
       ORDER BY s."createdAt" DESC, s."id" DESC LIMIT ${limit}`,
    !counts
      ? null
      : db.$queryRaw<{ year: number; count: bigint }[]>`
      SELECT y."year", count(*) AS "count" FROM "Suggestion" s JOIN "Year" y ON y."id" = s."yearId"
       WHERE ${where} GROUP BY y."year" ORDER BY y."year" DESC`,
  );
}

export type CaseHit = { id: string; title: string; problem: string | null; unitName: string; year: number };

/**
 * The case library (lib/promotion/library.ts inLibrary, written in SQL): projects with an active mark or an award
 * of a decided campaign. The library is small, so the query starts from it and reads the fields, measures and the
 * unit's name included (as /cases does), without an index.
 */
function searchCases(words: readonly string[], limit: number, counts = true) {
  const library = Prisma.sql`
    SELECT m."projectId" FROM "ProjectMark" m WHERE m."revokedAt" IS NULL
    UNION
    SELECT n."projectId" FROM "Nomination" n JOIN "Campaign" c ON c."id" = n."campaignId"
     WHERE n."projectId" IS NOT NULL AND n."tierId" IS NOT NULL AND n."withdrawnAt" IS NULL AND c."status" = 'DECIDED'`;
  const match = matchSql([Prisma.sql`p."title"`, Prisma.sql`coalesce(p."problem", '')`, Prisma.sql`coalesce(p."measures", '')`, Prisma.sql`u."name"`], words);
  return section(
    db.$queryRaw<CaseHit[]>`
      WITH lib AS (${library})
      SELECT p."id", p."title", p."problem", u."name" AS "unitName", y."year"
        FROM lib JOIN "Project" p ON p."id" = lib."projectId" JOIN "Unit" u ON u."id" = p."unitId" JOIN "Year" y ON y."id" = p."yearId"
       WHERE ${match}
       ORDER BY y."year" DESC, p."updatedAt" DESC, p."id" DESC LIMIT ${limit}`,
    !counts
      ? null
      : db.$queryRaw<{ year: number; count: bigint }[]>`
      WITH lib AS (${library})
      SELECT y."year", count(*) AS "count"
        FROM lib JOIN "Project" p ON p."id" = lib."projectId" JOIN "Unit" u ON u."id" = p."unitId" JOIN "Year" y ON y."id" = p."yearId"
       WHERE ${match} GROUP BY y."year" ORDER BY y."year" DESC`,
  );
}

export type SearchResults = {
  projects: Section<ProjectHit> | null;
  topics: Section<TopicHit> | null;
  suggestions: Section<SuggestionHit> | null;
  cases: Section<CaseHit> | null;
};

/** What the header's box shows as one types: a few hits per kind the viewer may read, no counts (issue 20 point 11). */
export type QuickHit = { kind: "project" | "topic" | "suggestion" | "case"; label: string; detail: string; href: string };
export const QUICK_HITS = 3;

export async function quickSearch(viewer: Viewer, words: readonly string[]): Promise<QuickHit[]> {
  if (words.length === 0) return [];
  const [projects, topics, suggestions, cases] = await Promise.all([
    can(viewer.roles, "projects.view") ? searchProjects(viewer, words, QUICK_HITS, false) : null,
    can(viewer.roles, "topics.view") ? searchTopics(viewer, words, QUICK_HITS, false) : null,
    can(viewer.roles, "suggestions.view") ? searchSuggestions(words, QUICK_HITS, false) : null,
    can(viewer.roles, "cases.view") ? searchCases(words, QUICK_HITS, false) : null,
  ]);
  return [
    ...(projects?.hits ?? []).map((hit) => ({
      kind: "project" as const,
      label: hit.title,
      detail: `${hit.year} · ${hit.unitName}`,
      href: `/projects/${hit.id}`,
    })),
    ...(topics?.hits ?? []).map((hit) => ({ kind: "topic" as const, label: `${hit.code} ${hit.title}`, detail: String(hit.year), href: `/topics/${hit.id}` })),
    ...(suggestions?.hits ?? []).map((hit) => ({
      kind: "suggestion" as const,
      label: hit.content.length > 40 ? `${hit.content.slice(0, 40)}…` : hit.content,
      detail: hit.receiptNo,
      href: `/suggestions/${hit.id}`,
    })),
    ...(cases?.hits ?? []).map((hit) => ({ kind: "case" as const, label: hit.title, detail: `${hit.year} · ${hit.unitName}`, href: `/cases/${hit.id}` })),
  ];
}

/** Each kind the viewer may read (null otherwise), all four in parallel: the first hits, counts per year. `window`: tests. */
export async function searchAll(viewer: Viewer, words: readonly string[], limit = SEARCH_HITS, window = NEWEST_WINDOW): Promise<SearchResults> {
  if (words.length === 0) return { projects: null, topics: null, suggestions: null, cases: null };
  const [projects, topics, suggestions, cases] = await Promise.all([
    can(viewer.roles, "projects.view") ? searchProjects(viewer, words, limit, true, window) : null,
    can(viewer.roles, "topics.view") ? searchTopics(viewer, words, limit) : null,
    can(viewer.roles, "suggestions.view") ? searchSuggestions(words, limit) : null,
    can(viewer.roles, "cases.view") ? searchCases(words, limit) : null,
  ]);
  return { projects, topics, suggestions, cases };
}
