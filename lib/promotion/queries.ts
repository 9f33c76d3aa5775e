import "server-only";
import { db, type DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { likeText } from "@/lib/db/search";
import { splitWords } from "@/lib/search/schemas";
import { ADOPTIONS_PAGE_SIZE, CASES_PAGE_SIZE } from "@/lib/promotion/labels";
import { awardedNomination, inLibrary } from "@/lib/promotion/library";
import type { AdoptionFilter, CaseFilter } from "@/lib/promotion/schemas";
import { projectSectorWhere } from "@/lib/sectors/label";

type Viewer = Pick<CurrentUser, "roles" | "unitId">;

const adopterSelect = { id: true, adoptedOn: true, how: true, result: true, unit: { select: { name: true } } } satisfies Prisma.AdoptionSelect;
const awardSelect = {
  id: true,
  tier: { select: { name: true } },
  campaign: { select: { title: true, year: { select: { year: true } } } },
} satisfies Prisma.NominationSelect;

export function caseWhere(filter: CaseFilter): Prisma.ProjectWhereInput {
  // ILIKE with the words as typed: Chinese has no spaces, and a two-character word has no trigram to match on.
  // Every word of the query must occur, as on the search page (lib/search).
  const words = filter.q ? splitWords(filter.q).map((q) => ({ contains: likeText(q), mode: "insensitive" as const })) : [];
  return {
    AND: [
      inLibrary,
      filter.mark ? { marks: { some: { mark: filter.mark, revokedAt: null } } } : {},
      filter.category ? { category: filter.category } : {},
      filter.year ? { year: { year: filter.year } } : {},
      filter.unitType ? { unit: { type: filter.unitType } } : {},
      projectSectorWhere(filter.sector),
      ...words.map((word) => ({ OR: [{ title: word }, { problem: word }, { measures: word }, { unit: { name: word } }] })),
    ],
  };
}

/** The case library: every business role reads every unit's marked or awarded projects. */
export async function listCases(filter: CaseFilter) {
  const where = caseWhere(filter);
  const page = filter.page ?? 1;
  const [total, cases] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ year: { year: "desc" } }, { updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CASES_PAGE_SIZE,
      take: CASES_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        category: true,
        year: { select: { year: true } },
        unit: { select: { name: true } },
        sectors: { select: { sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
        marks: { where: { revokedAt: null }, orderBy: { decidedOn: "asc" }, select: { id: true, mark: true } },
        nominations: { where: awardedNomination, select: awardSelect },
        _count: { select: { adoptions: true } },
      },
    }),
  ]);
  return { total, page, pageSize: CASES_PAGE_SIZE, cases };
}

/**
 * One case: what the problem was, what was done, the results and whom to ask. Deliberately no attachments,
 * reviews or drafts: the library shows another unit's finished work, not its files.
 */
export function getCase(projectId: string) {
  return db.project.findFirst({
    where: { AND: [{ id: projectId }, inLibrary] },
    select: {
      id: true,
      title: true,
      unitId: true,
      state: true,
      category: true,
      innovationKinds: true,
      methods: true,
      problem: true,
      goals: true,
      measures: true,
      expectedResults: true,
      finalSummary: true,
      leaderName: true,
      leaderContact: true,
      startedAt: true,
      endedAt: true,
      year: { select: { year: true } },
      unit: { select: { name: true } },
      sectors: { select: { sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
      liaison: { select: { name: true, phone: true } },
      marks: { where: { revokedAt: null }, orderBy: { decidedOn: "asc" }, select: { id: true, mark: true, decidedOn: true, reason: true } },
      nominations: { where: awardedNomination, select: awardSelect },
      reports: {
        where: { status: "ACCEPTED" },
        orderBy: [{ year: "desc" }, { quarter: "desc" }],
        take: 1,
        select: { year: true, quarter: true, progress: true, percent: true },
      },
      adoptions: { orderBy: [{ adoptedOn: "desc" }, { id: "desc" }], select: adopterSelect },
    },
  });
}

/** Marks (revoked ones too, for the record) and adopters, for the project's own page. */
export async function projectPromotion(projectId: string) {
  const [marks, adopters] = await Promise.all([
    db.projectMark.findMany({ where: { projectId }, orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { decidedOn: "desc" }] }),
    db.adoption.findMany({ where: { sourceProjectId: projectId }, orderBy: [{ adoptedOn: "desc" }, { id: "desc" }], select: adopterSelect }),
  ]);
  const deciders = await db.user.findMany({ where: { id: { in: [...new Set(marks.map((m) => m.byId))] } }, select: { id: true, name: true } });
  const nameOf = new Map(deciders.map((user) => [user.id, user.name]));
  return { marks: marks.map((mark) => ({ ...mark, byName: nameOf.get(mark.byId) ?? "" })), adopters };
}

/** County readers see every unit's adoptions (filterable by unit); anyone else only their own unit's. */
export function adoptionWhere(viewer: Viewer, filter: AdoptionFilter): Prisma.AdoptionWhereInput {
  return seesWholeCounty(viewer.roles) ? (filter.unitId ? { unitId: filter.unitId } : {}) : { unitId: viewer.unitId };
}

export async function listAdoptions(viewer: Viewer, filter: AdoptionFilter) {
  const where = adoptionWhere(viewer, filter);
  const page = filter.page ?? 1;
  const [total, adoptions] = await Promise.all([
    db.adoption.count({ where }),
    db.adoption.findMany({
      where,
      orderBy: [{ adoptedOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADOPTIONS_PAGE_SIZE,
      take: ADOPTIONS_PAGE_SIZE,
      select: {
        id: true,
        unitId: true,
        adoptedOn: true,
        how: true,
        result: true,
        sourceName: true,
        sourcePlace: true,
        version: true,
        unit: { select: { name: true } },
        event: { select: { id: true, title: true } },
        sourceProject: {
          select: {
            id: true,
            title: true,
            unit: { select: { name: true } },
            marks: { where: { revokedAt: null }, take: 1, select: { id: true } },
            nominations: { where: awardedNomination, take: 1, select: { id: true } },
          },
        },
      },
    }),
  ]);
  // A source whose mark was revoked has left the library: named, but no longer a link to a case.
  return {
    total,
    page,
    pageSize: ADOPTIONS_PAGE_SIZE,
    adoptions: adoptions.map(({ sourceProject, ...adoption }) => ({
      ...adoption,
      sourceProject: sourceProject && {
        id: sourceProject.id,
        title: sourceProject.title,
        unit: sourceProject.unit,
        inLibrary: sourceProject.marks.length + sourceProject.nominations.length > 0,
      },
    })),
  };
}

/** Units that have recorded adoptions, for the county's unit filter. */
export function adoptingUnits() {
  return db.unit.findMany({ where: { adoptions: { some: {} } }, orderBy: [{ type: "asc" }, { sortOrder: "asc" }], select: { id: true, name: true } });
}

/**
 * For the year-end evaluation: per project, how many distinct other units adopted it with an adoption day
 * in [from, to). Every asked id is in the answer, 0 when nobody adopted it. Two queries whatever the count.
 */
export async function adoptionCountsByProject(projectIds: string[], range: { from: Date; to: Date }, client: DbOrTx = db): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(projectIds.map((id) => [id, 0]));
  if (projectIds.length === 0) return counts;
  // One after the other: the client may be a transaction, which runs one query at a time.
  const pairs = await client.adoption.groupBy({
    by: ["sourceProjectId", "unitId"],
    where: { sourceProjectId: { in: projectIds }, adoptedOn: { gte: range.from, lt: range.to } },
  });
  const projects = await client.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, unitId: true } });
  const ownerOf = new Map(projects.map((project) => [project.id, project.unitId]));
  for (const pair of pairs) {
    if (pair.sourceProjectId && pair.unitId !== ownerOf.get(pair.sourceProjectId)) counts[pair.sourceProjectId] += 1;
  }
  return counts;
}
