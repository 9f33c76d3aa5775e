import "server-only";
import { db } from "@/lib/db/client";
import { keptCount, sqlKey } from "@/lib/db/kept";
import { Prisma, type Consultation, type GuidanceNote, type Project, type ProjectEvent, type ProjectMilestone } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { likeText } from "@/lib/db/search";
import { splitWords } from "@/lib/search/schemas";
import { bigramCondition, SEARCH_DOC } from "@/lib/search/bigrams";
import type { ProjectFilter } from "@/lib/projects/schemas";
import { projectSectorWhere } from "@/lib/sectors/label";
import type { ProjectState, SuggestionCategory, TopicFocus, TopicTier, UnitType } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { deadlineFor } from "@/lib/reports/service";
import { QUARTER_LABELS, quarterOf } from "@/lib/reports/quarters";
import { programmeWhere } from "@/lib/plan/queries";
import { PROJECT_MACHINE } from "@/lib/projects/states";
import { CLAIM_MACHINE } from "@/lib/topics/states";

export const PROJECTS_PAGE_SIZE = 30;

type Viewer = Pick<CurrentUser, "id" | "roles" | "unitId">;

/** County readers see every project; a unit sees its own, drafts included, and nobody else's. */
export function projectScope(viewer: Viewer): Prisma.ProjectWhereInput {
  return seesWholeCounty(viewer.roles) ? {} : { unitId: viewer.unitId };
}

export function projectWhere(viewer: Viewer, filter: ProjectFilter & { yearId: string | null }): Prisma.ProjectWhereInput {
  const county = seesWholeCounty(viewer.roles);
  return {
    AND: [
      projectScope(viewer),
      // Another unit's unfinished draft is its own business, even for the county.
      // …except the draft one leads oneself after an individual bid.
      county ? { OR: [{ state: { not: "DRAFT" } }, { submittedAt: { not: null } }, { leadUserId: viewer.id }] } : {},
      filter.yearId ? { yearId: filter.yearId } : {},
      filter.unitId ? { unitId: filter.unitId } : {},
      filter.unitType ? { unit: { type: filter.unitType } } : {},
      filter.category ? { category: filter.category } : {},
      filter.focus ? { focus: filter.focus } : {},
      filter.tier ? { tier: filter.tier } : {},
      filter.state ? { state: filter.state } : {},
      filter.stage === "approved" ? { state: { in: PROJECT_MACHINE.group("approvedStage") } } : {},
      filter.topicId ? { topicId: filter.topicId } : {},
      projectSectorWhere(filter.sector),
      programmeWhere(filter.programme),
      filter.liaison === "me"
        ? { liaisonId: viewer.id }
        : filter.liaison === "none"
          ? { liaisonId: null }
          : filter.liaison
            ? { liaisonId: filter.liaison }
            : {},
      // Every word of the query, as on the search page (lib/search), so that its "查看全部" shows the same rows.
      filter.q
        ? { AND: splitWords(filter.q).map((word) => ({ OR: [{ title: { contains: likeText(word) } }, { problem: { contains: likeText(word) } }] })) }
        : {},
    ],
  };
}

export const PROJECT_ORDER: Record<NonNullable<ProjectFilter["sort"]>, Prisma.ProjectOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  submitted: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  unit: [{ unit: { code: "asc" } }, { id: "asc" }],
  /** The projects of one programme together (those under none last), for reading the list programme by programme. */
  programme: [{ programmeId: { sort: "asc", nulls: "last" } }, { id: "asc" }],
};

/**
 * The same conditions as `projectWhere`, in SQL, for the list's one statement (decision 0112). Both are kept in
 * step by `tests/integration/projects-list.test.ts`, which compares them filter by filter; the Excel export keeps
 * `projectWhere`.
 */
export function projectWhereSql(viewer: Viewer, filter: ProjectFilter & { yearId: string | null }): Prisma.Sql {
  const county = seesWholeCounty(viewer.roles);
  const parts: Prisma.Sql[] = [];
  if (!county) parts.push(Prisma.sql`p."unitId" = ${viewer.unitId}`);
  // Another unit's unfinished draft is its own business, even for the county; except the draft one leads oneself.
  else parts.push(Prisma.sql`(p."state" <> 'DRAFT' OR p."submittedAt" IS NOT NULL OR p."leadUserId" = ${viewer.id})`);
  if (filter.yearId) parts.push(Prisma.sql`p."yearId" = ${filter.yearId}`);
  if (filter.unitId) parts.push(Prisma.sql`p."unitId" = ${filter.unitId}`);
  if (filter.unitType) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Unit" fu WHERE fu."id" = p."unitId" AND fu."type" = ${filter.unitType}::"UnitType")`);
  if (filter.category) parts.push(Prisma.sql`p."category" = ${filter.category}::"SuggestionCategory"`);
  if (filter.focus) parts.push(Prisma.sql`p."focus" = ${filter.focus}::"TopicFocus"`);
  if (filter.tier) parts.push(Prisma.sql`p."tier" = ${filter.tier}::"TopicTier"`);
  if (filter.state) parts.push(Prisma.sql`p."state" = ${filter.state}::"ProjectState"`);
  if (filter.stage === "approved") parts.push(Prisma.sql`p."state" = ANY(${[...PROJECT_MACHINE.group("approvedStage")]}::"ProjectState"[])`);
  if (filter.topicId) parts.push(Prisma.sql`p."topicId" = ${filter.topicId}`);
  if (filter.sector?.startsWith("group:"))
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ProjectSector" fps JOIN "Sector" fs ON fs."id" = fps."sectorId" WHERE fps."projectId" = p."id" AND fs."grouping" = ${filter.sector.slice("group:".length)})`,
    );
  else if (filter.sector)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProjectSector" fps WHERE fps."projectId" = p."id" AND fps."sectorId" = ${filter.sector})`);
  if (filter.programme === "none") parts.push(Prisma.sql`p."programmeId" IS NULL`);
  else if (filter.programme) parts.push(Prisma.sql`p."programmeId" = ${filter.programme}`);
  if (filter.liaison === "me") parts.push(Prisma.sql`p."liaisonId" = ${viewer.id}`);
  else if (filter.liaison === "none") parts.push(Prisma.sql`p."liaisonId" IS NULL`);
  else if (filter.liaison) parts.push(Prisma.sql`p."liaisonId" = ${filter.liaison}`);
  // Every word of the query, as on the search page (lib/search), so that its "查看全部" shows the same rows.
  // The bigram index first (a necessary condition): a two-character word, the usual Chinese query, is beyond
  // pg_trgm's indexes, and the LIKE alone read every project of the year.
  const words = filter.q ? splitWords(filter.q) : [];
  const indexed = bigramCondition(SEARCH_DOC.project, words);
  if (indexed) parts.push(indexed);
  for (const word of words) {
    const pattern = `%${likeText(word)}%`;
    parts.push(Prisma.sql`(p."title" LIKE ${pattern} OR p."problem" LIKE ${pattern})`);
  }
  return Prisma.join(parts, " AND ");
}

const PROJECT_ORDER_SQL: Record<NonNullable<ProjectFilter["sort"]>, Prisma.Sql> = {
  updated: Prisma.sql`p."updatedAt" DESC, p."id" DESC`,
  submitted: Prisma.sql`p."submittedAt" DESC NULLS LAST, p."id" DESC`,
  title: Prisma.sql`p."title" ASC, p."id" ASC`,
  unit: Prisma.sql`u."code" ASC, p."id" ASC`,
  programme: Prisma.sql`p."programmeId" ASC NULLS LAST, p."id" ASC`,
};

type ListRow = {
  id: string;
  title: string;
  state: ProjectState;
  category: SuggestionCategory | null;
  focus: TopicFocus | null;
  tier: TopicTier | null;
  submittedAt: string | null;
  updatedAt: string;
  unit: { name: string };
  liaison: { name: string } | null;
  topic: { code: string } | null;
  programme: { id: string; title: string } | null;
  sectors: { sector: { name: string; grouping: string | null } }[];
};

/**
 * One page of the list with its names in one statement (decision 0112): through Prisma the rows and their names
 * were statements of their own, each planned in JavaScript. The count beside it, kept between writes (0114).
 * Where, order and paging as `projectWhere` and `PROJECT_ORDER`.
 */
export async function listProjects(viewer: Viewer, filter: ProjectFilter & { yearId: string | null }) {
  const where = projectWhereSql(viewer, filter);
  const page = filter.page ?? 1;
  // The count is kept until a project (or a unit, a topic, a programme) changes (decision 0114); a sector filter
  // reads ProjectSector and Sector, which no counter watches, so that count is always taken afresh.
  const countSql = Prisma.sql`SELECT count(*)::int AS n FROM "Project" p WHERE ${where}`;
  const count = async () => (await db.$queryRaw<{ n: number }[]>(countSql))[0].n;
  const [total, [row]] = await Promise.all([
    filter.sector ? count() : keptCount(sqlKey("projects", countSql), count),
    db.$queryRaw<{ rows: ListRow[] }[]>`
    SELECT coalesce((SELECT jsonb_agg(r.row ORDER BY r.n) FROM (
             SELECT row_number() OVER (ORDER BY ${PROJECT_ORDER_SQL[filter.sort ?? "updated"]}) AS n,
                    jsonb_build_object(
                      'id', p."id", 'title', p."title", 'state', p."state", 'category', p."category", 'focus', p."focus", 'tier', p."tier",
                      'submittedAt', p."submittedAt", 'updatedAt', p."updatedAt",
                      'unit', jsonb_build_object('name', u."name"),
                      'liaison', CASE WHEN l."id" IS NULL THEN NULL ELSE jsonb_build_object('name', l."name") END,
                      'topic', CASE WHEN t."id" IS NULL THEN NULL ELSE jsonb_build_object('code', t."code") END,
                      'programme', CASE WHEN pi."id" IS NULL THEN NULL ELSE jsonb_build_object('id', pi."id", 'title', pi."title") END,
                      'sectors', coalesce((SELECT jsonb_agg(jsonb_build_object('sector', jsonb_build_object('name', s."name", 'grouping', s."grouping"))
                                                           ORDER BY s."sortOrder", s."name")
                                             FROM "ProjectSector" ps JOIN "Sector" s ON s."id" = ps."sectorId" WHERE ps."projectId" = p."id"), '[]')
                    ) AS row
               FROM "Project" p
               JOIN "Unit" u ON u."id" = p."unitId"
               LEFT JOIN "User" l ON l."id" = p."liaisonId"
               LEFT JOIN "Topic" t ON t."id" = p."topicId"
               LEFT JOIN "PlanItem" pi ON pi."id" = p."programmeId"
              WHERE ${where}
              ORDER BY ${PROJECT_ORDER_SQL[filter.sort ?? "updated"]}
              LIMIT ${PROJECTS_PAGE_SIZE} OFFSET ${(page - 1) * PROJECTS_PAGE_SIZE}) r), '[]') AS rows`,
  ]);
  const projects = row.rows.map((p) => ({
    ...p,
    submittedAt: p.submittedAt === null ? null : new Date(p.submittedAt),
    updatedAt: new Date(p.updatedAt),
  }));
  return { total, page, pageSize: PROJECTS_PAGE_SIZE, projects };
}

/** One project with what its page shows; the relations as JSON from one statement (decision 0111). */
export type ProjectWithRelations = Project & {
  year: { year: number };
  unit: { id: string; name: string; type: UnitType };
  topic: { id: string; code: string; title: string } | null;
  programme: { id: string; title: string } | null;
  liaison: { id: string; name: string } | null;
  milestones: ProjectMilestone[];
  sectors: { sectorId: string; sector: { name: string; grouping: string | null } }[];
  attachments: { id: string; fileName: string; size: number; createdAt: Date }[];
  events: ProjectEvent[];
  notes: GuidanceNote[];
  versions: { id: string; number: number; submittedAt: Date; submittedBy: string | null }[];
  consultations: Consultation[];
};

/** JSON gives instants as ISO text: back to Date, as Prisma returns them. */
const instant = (value: unknown): Date => new Date(value as string);
const maybeInstant = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * The project and its twelve relations in one statement, scoped in the query (a unit: its own projects). Prisma
 * loads each relation of an include with a statement of its own, one after another: thirteen round trips and as
 * many query plans in JavaScript per page (decision 0111, as 0084 did for the session). The columns of the
 * project and of its milestones, events, notes and consultations come whole (`to_jsonb`), so the shape is the
 * model's (a NULL list column read as empty, as Prisma does); equal sort keys are ordered by id so that the page is the same on every load.
 */
export async function getProject(viewer: Viewer, id: string): Promise<ProjectWithRelations | null> {
  return (await projectPageRead(viewer, id))?.project ?? null;
}

/**
 * Whether the project has any row at all behind the page's other cards (rectification items, marks or adoptions,
 * meeting shares, event showings, nominations): read in the same statement so that the page skips the reads of
 * cards with nothing to show. A superset of what each card shows (a card with rows runs its own scoped read).
 */
export type ProjectRelated = { rectifications: boolean; promotion: boolean; meetingShares: boolean; events: boolean; awards: boolean };

/** getProject and the related flags: the project page's first read. */
export async function projectPageRead(viewer: Viewer, id: string): Promise<{ project: ProjectWithRelations; related: ProjectRelated } | null> {
  const county = seesWholeCounty(viewer.roles);
  const rows = await db.$queryRaw<
    {
      project: Json<Project>;
      year: number;
      unit: { id: string; name: string; type: UnitType };
      topic: { id: string; code: string; title: string } | null;
      programme: { id: string; title: string } | null;
      liaison: { id: string; name: string } | null;
      milestones: Json<ProjectMilestone>[];
      sectors: { sectorId: string; sector: { name: string; grouping: string | null } }[];
      attachments: { id: string; fileName: string; size: number; createdAt: string }[];
      events: Json<ProjectEvent>[];
      notes: Json<GuidanceNote>[];
      versions: { id: string; number: number; submittedAt: string; submittedBy: string | null }[];
      consultations: Json<Consultation>[];
      related: ProjectRelated;
    }[]
  >`
    SELECT to_jsonb(p) AS project, y."year",
           jsonb_build_object('id', u."id", 'name', u."name", 'type', u."type") AS unit,
           CASE WHEN t."id" IS NULL THEN NULL ELSE jsonb_build_object('id', t."id", 'code', t."code", 'title', t."title") END AS topic,
           CASE WHEN pi."id" IS NULL THEN NULL ELSE jsonb_build_object('id', pi."id", 'title', pi."title") END AS programme,
           CASE WHEN l."id" IS NULL THEN NULL ELSE jsonb_build_object('id', l."id", 'name', l."name") END AS liaison,
           coalesce((SELECT jsonb_agg(to_jsonb(m) ORDER BY m."sortOrder", m."id") FROM "ProjectMilestone" m WHERE m."projectId" = p."id"), '[]') AS milestones,
           coalesce((SELECT jsonb_agg(jsonb_build_object('sectorId', ps."sectorId", 'sector', jsonb_build_object('name', s."name", 'grouping', s."grouping"))
                                      ORDER BY s."sortOrder", s."id")
                       FROM "ProjectSector" ps JOIN "Sector" s ON s."id" = ps."sectorId" WHERE ps."projectId" = p."id"), '[]') AS sectors,
           coalesce((SELECT jsonb_agg(jsonb_build_object('id', a."id", 'fileName', a."fileName", 'size', a."size", 'createdAt', a."createdAt") ORDER BY a."createdAt", a."id")
                       FROM "Attachment" a WHERE a."projectId" = p."id" AND a."reportId" IS NULL), '[]') AS attachments,
           coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e."at", e."id") FROM "ProjectEvent" e WHERE e."projectId" = p."id"), '[]') AS events,
           coalesce((SELECT jsonb_agg(to_jsonb(n) ORDER BY n."at" DESC, n."id" DESC) FROM "GuidanceNote" n WHERE n."projectId" = p."id"), '[]') AS notes,
           coalesce((SELECT jsonb_agg(jsonb_build_object('id', v."id", 'number', v."number", 'submittedAt', v."submittedAt", 'submittedBy', v."submittedBy") ORDER BY v."number" DESC)
                       FROM "ProjectVersion" v WHERE v."projectId" = p."id"), '[]') AS versions,
           coalesce((SELECT jsonb_agg(to_jsonb(c) ORDER BY c."heldAt" DESC, c."id" DESC) FROM "Consultation" c WHERE c."projectId" = p."id"), '[]') AS consultations,
           jsonb_build_object(
             'rectifications', EXISTS (SELECT 1 FROM "RectificationItem" ri JOIN "InspectionItem" ii ON ii."id" = ri."itemId" WHERE ii."projectId" = p."id"),
             'promotion', EXISTS (SELECT 1 FROM "ProjectMark" pm WHERE pm."projectId" = p."id") OR EXISTS (SELECT 1 FROM "Adoption" ad WHERE ad."sourceProjectId" = p."id"),
             'meetingShares', EXISTS (SELECT 1 FROM "MeetingShare" ms WHERE ms."projectId" = p."id"),
             'events', EXISTS (SELECT 1 FROM "EventProject" ep WHERE ep."projectId" = p."id"),
             'awards', EXISTS (SELECT 1 FROM "Nomination" nm WHERE nm."projectId" = p."id") OR EXISTS (SELECT 1 FROM "NominationProject" np WHERE np."projectId" = p."id")
           ) AS related
      FROM "Project" p
      JOIN "Year" y ON y."id" = p."yearId"
      JOIN "Unit" u ON u."id" = p."unitId"
      LEFT JOIN "Topic" t ON t."id" = p."topicId"
      LEFT JOIN "PlanItem" pi ON pi."id" = p."programmeId"
      LEFT JOIN "User" l ON l."id" = p."liaisonId"
     WHERE p."id" = ${id} AND (${county} OR p."unitId" = ${viewer.unitId})`;
  const row = rows[0];
  if (!row) return null;
  const p = row.project;
  const project: ProjectWithRelations = {
    ...p,
    // A list column may be NULL in the database (rows written in SQL); Prisma reads it as an empty list.
    innovationKinds: p.innovationKinds ?? [],
    methods: p.methods ?? [],
    submittedAt: maybeInstant(p.submittedAt),
    startedAt: maybeInstant(p.startedAt),
    endedAt: maybeInstant(p.endedAt),
    createdAt: instant(p.createdAt),
    updatedAt: instant(p.updatedAt),
    year: { year: row.year },
    unit: row.unit,
    topic: row.topic,
    programme: row.programme,
    liaison: row.liaison,
    milestones: row.milestones.map((m) => ({ ...m, dueDate: maybeInstant(m.dueDate) })),
    sectors: row.sectors,
    attachments: row.attachments.map((a) => ({ ...a, createdAt: instant(a.createdAt) })),
    events: row.events.map((e) => ({ ...e, at: instant(e.at) })),
    notes: row.notes.map((n) => ({ ...n, at: instant(n.at) })),
    versions: row.versions.map((v) => ({ ...v, submittedAt: instant(v.submittedAt) })),
    consultations: row.consultations.map((c) => ({
      ...c,
      heldAt: instant(c.heldAt),
      followUpDue: instant(c.followUpDue),
      followUpAt: maybeInstant(c.followUpAt),
      createdAt: instant(c.createdAt),
    })),
  };
  // The county does not read another unit's draft that was never submitted.
  if (county && project.state === "DRAFT" && !project.submittedAt && project.unitId !== viewer.unitId && project.leadUserId !== viewer.id) return null;
  return { project, related: row.related };
}

/**
 * One submitted version as the 申报书 document needs it, for a reader who may see the project (getProject: a
 * unit its own projects, the county all but other units' unsubmitted drafts); null otherwise.
 */
export async function proposalVersionFor(viewer: Viewer, by: { versionId: string } | { projectId: string; number: number }) {
  const found =
    "versionId" in by
      ? await db.projectVersion.findUnique({ where: { id: by.versionId }, select: { id: true, projectId: true } })
      : await db.projectVersion.findUnique({ where: { projectId_number: by }, select: { id: true, projectId: true } });
  if (!found || !(await getProject(viewer, found.projectId))) return null;
  return db.projectVersion.findUnique({
    where: { id: found.id },
    select: {
      id: true,
      number: true,
      submittedAt: true,
      submittedBy: true,
      snapshot: true,
      project: {
        select: {
          id: true,
          code: true,
          unit: { select: { name: true } },
          year: { select: { year: true } },
          topic: { select: { code: true, title: true } },
        },
      },
    },
  });
}

/** Two consecutive submitted versions (the asked one and the one before), for comparison. */
export async function versionPair(projectId: string, number: number) {
  const versions = await db.projectVersion.findMany({ where: { projectId, number: { in: [number, number - 1] } }, orderBy: { number: "desc" } });
  return { current: versions.find((v) => v.number === number) ?? null, previous: versions.find((v) => v.number === number - 1) ?? null };
}

export async function attachmentForViewer(viewer: Viewer, projectId: string, attachmentId: string) {
  const project = await getProject(viewer, projectId);
  if (!project) return null;
  return db.attachment.findFirst({ where: { id: attachmentId, projectId: project.id } });
}

/** Staff who can be a project's liaison (联系人). */
export async function liaisonOptions(): Promise<{ id: string; name: string; unit: { name: string } }[]> {
  // One statement: through Prisma the unit's name was a second one (decision 0111).
  const rows = await db.$queryRaw<{ id: string; name: string; unitName: string }[]>`
    SELECT u."id", u."name", un."name" AS "unitName"
      FROM "User" u JOIN "Unit" un ON un."id" = u."unitId"
     WHERE u."active" AND 'COUNTY_STAFF' = ANY(u."roles")
     ORDER BY un."code" ASC, u."name" ASC`;
  return rows.map((row) => ({ id: row.id, name: row.name, unit: { name: row.unitName } }));
}

/** Topics the unit took up and can propose from (not yet used for a project of its own). */
export function topicsToPropose(unitId: string) {
  return db.topic.findMany({
    where: { status: "PUBLISHED", claims: { some: { unitId, status: { in: CLAIM_MACHINE.group("takenUp") } } }, projects: { none: { unitId } } },
    orderBy: [{ year: { year: "desc" } }, { code: "asc" }],
    select: { id: true, code: true, title: true, yearId: true },
  });
}

/** stateLabel: the project state's name, given here so that the proposal form's bundle need not carry the state table. */
export type SimilarItem = {
  kind: "project" | "topic";
  id: string;
  title: string;
  unitName: string | null;
  year: number;
  state: string;
  stateLabel: string;
  score: number;
};

/**
 * Projects (not drafts) and published topics whose title or problem resembles what is being typed,
 * any unit and any year, by trigram similarity (pg_trgm, which handles Chinese without word breaks).
 */
export async function similarItems(input: { title: string; problem: string; exceptProjectId?: string }): Promise<SimilarItem[]> {
  const title = input.title.trim();
  const problem = input.problem.trim();
  if (title.length < 2 && problem.length < 4) return [];
  const except = input.exceptProjectId ?? "";
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', '0.15', true), set_config('pg_trgm.word_similarity_threshold', '0.4', true)`;
    const rows = await tx.$queryRaw<Omit<SimilarItem, "stateLabel">[]>`
      (SELECT 'project' AS kind, p."id", p."title", u."name" AS "unitName", y."year", p."state"::text AS state,
              GREATEST(similarity(p."title", ${title}), word_similarity(${title}, p."title"), similarity(coalesce(p."problem", ''), ${problem})) AS score
         FROM "Project" p JOIN "Unit" u ON u."id" = p."unitId" JOIN "Year" y ON y."id" = p."yearId"
        WHERE p."state" <> 'DRAFT' AND p."id" <> ${except}
          AND ((${title} <> '' AND (p."title" % ${title} OR ${title} <% p."title")) OR (${problem} <> '' AND p."problem" % ${problem}))
        ORDER BY score DESC LIMIT 6)
      UNION ALL
      (SELECT 'topic' AS kind, t."id", t."title", NULL AS "unitName", y."year", t."status"::text AS state,
              GREATEST(similarity(t."title", ${title}), word_similarity(${title}, t."title"), similarity(t."description", ${problem})) AS score
         FROM "Topic" t JOIN "Year" y ON y."id" = t."yearId"
        WHERE t."status" = 'PUBLISHED'
          AND ((${title} <> '' AND (t."title" % ${title} OR ${title} <% t."title")) OR (${problem} <> '' AND t."description" % ${problem}))
        ORDER BY score DESC LIMIT 4)`;
    return rows.map((row) => ({ ...row, stateLabel: STATE_LABELS[row.state as ProjectState] ?? row.state, score: Number(row.score) }));
  });
}

/** The unit's own project drawn from a topic, if it has started one. */
export function projectForTopic(topicId: string, unitId: string) {
  return db.project.findFirst({ where: { topicId, unitId }, select: { id: true } });
}

/**
 * The deadline the project's holder works to, for the step bar: the year's 项目申报 window while the unit writes or
 * amends the proposal, the current quarter's report while it is carried out; none while the county acts.
 */
export async function projectDeadline(project: { state: ProjectState; yearId: string }, now = new Date()): Promise<{ label: string; at: Date } | null> {
  if (project.state === "DRAFT" || project.state === "RETURNED" || project.state === "REVISE") {
    const window = await db.yearWindow.findUnique({ where: { yearId_kind: { yearId: project.yearId, kind: "PROPOSAL" } }, select: { endsAt: true } });
    return window ? { label: "申报截止", at: window.endsAt } : null;
  }
  if (project.state === "IN_PROGRESS") {
    const { year, quarter } = quarterOf(now);
    return { label: `${year}年${QUARTER_LABELS[quarter]}进展报告截止`, at: await deadlineFor(db, year, quarter) };
  }
  return null;
}

/** The projects a person leads after an individual bid and still carries (not finished): their home page card. */
export function ledProjects(userId: string) {
  return db.project.findMany({
    where: { leadUserId: userId, state: { notIn: PROJECT_MACHINE.group("over") } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
    select: { id: true, title: true, code: true, state: true, year: { select: { year: true } }, unit: { select: { name: true } } },
  });
}
