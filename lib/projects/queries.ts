import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { likeText } from "@/lib/db/search";
import { splitWords } from "@/lib/search/schemas";
import type { ProjectFilter } from "@/lib/projects/schemas";
import { projectSectorWhere } from "@/lib/sectors/label";
import type { ProjectState } from "@/lib/generated/prisma/enums";
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

export async function listProjects(viewer: Viewer, filter: ProjectFilter & { yearId: string | null }) {
  const where = projectWhere(viewer, filter);
  const page = filter.page ?? 1;
  // The page's rows and the count together, then the names the rows show in one statement: a nested select
  // would load unit, liaison, topic, programme, sectors and their sector one query after another (decision 0106).
  const [total, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: PROJECT_ORDER[filter.sort ?? "updated"],
      skip: (page - 1) * PROJECTS_PAGE_SIZE,
      take: PROJECTS_PAGE_SIZE,
      select: { id: true, title: true, state: true, category: true, focus: true, tier: true, submittedAt: true, updatedAt: true, programmeId: true },
    }),
  ]);
  const names = new Map(
    (rows.length === 0
      ? []
      : await db.$queryRaw<
          {
            id: string;
            unitName: string;
            liaisonName: string | null;
            topicCode: string | null;
            programmeTitle: string | null;
            sectors: { name: string; grouping: string | null }[];
          }[]
        >`
          SELECT p."id", u."name" AS "unitName", l."name" AS "liaisonName", t."code" AS "topicCode", pi."title" AS "programmeTitle",
                 coalesce((SELECT json_agg(json_build_object('name', s."name", 'grouping', s."grouping") ORDER BY s."sortOrder", s."name")
                             FROM "ProjectSector" ps JOIN "Sector" s ON s."id" = ps."sectorId" WHERE ps."projectId" = p."id"), '[]') AS sectors
            FROM "Project" p
            JOIN "Unit" u ON u."id" = p."unitId"
            LEFT JOIN "User" l ON l."id" = p."liaisonId"
            LEFT JOIN "Topic" t ON t."id" = p."topicId"
            LEFT JOIN "PlanItem" pi ON pi."id" = p."programmeId"
           WHERE p."id" = ANY(${rows.map((r) => r.id)})`
    ).map((n) => [n.id, n]),
  );
  const projects = rows.map(({ programmeId, ...row }) => {
    const n = names.get(row.id);
    return {
      ...row,
      unit: { name: n?.unitName ?? "" },
      liaison: n?.liaisonName == null ? null : { name: n.liaisonName },
      topic: n?.topicCode == null ? null : { code: n.topicCode },
      programme: programmeId && n?.programmeTitle != null ? { id: programmeId, title: n.programmeTitle } : null,
      sectors: (n?.sectors ?? []).map((sector) => ({ sector })),
    };
  });
  return { total, page, pageSize: PROJECTS_PAGE_SIZE, projects };
}

export async function getProject(viewer: Viewer, id: string) {
  const project = await db.project.findFirst({
    where: { AND: [{ id }, projectScope(viewer)] },
    include: {
      year: { select: { year: true } },
      unit: { select: { id: true, name: true, type: true } },
      topic: { select: { id: true, code: true, title: true } },
      programme: { select: { id: true, title: true } },
      liaison: { select: { id: true, name: true } },
      milestones: { orderBy: { sortOrder: "asc" } },
      sectors: { select: { sectorId: true, sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
      attachments: { where: { reportId: null }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, createdAt: true } },
      events: { orderBy: { at: "asc" } },
      notes: { orderBy: { at: "desc" } },
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, submittedAt: true, submittedBy: true } },
      consultations: { orderBy: { heldAt: "desc" } },
    },
  });
  // The county does not read another unit's draft that was never submitted.
  if (
    project &&
    seesWholeCounty(viewer.roles) &&
    project.state === "DRAFT" &&
    !project.submittedAt &&
    project.unitId !== viewer.unitId &&
    project.leadUserId !== viewer.id
  )
    return null;
  return project;
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
export function liaisonOptions() {
  return db.user.findMany({
    where: { active: true, roles: { has: "COUNTY_STAFF" } },
    orderBy: [{ unit: { code: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, unit: { select: { name: true } } },
  });
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
