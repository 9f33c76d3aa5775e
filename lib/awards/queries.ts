// Reading campaigns: each query is scoped to what the viewer may see, in the query itself.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AwardCategory, AwardLevel, Role } from "@/lib/generated/prisma/enums";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { unitTree } from "@/lib/hearings/service";
import { unitConflict } from "@/lib/hearings/assignment";
import { NOMINABLE_STATES, storedStatuses } from "@/lib/awards/phase";
import { cadreWhere } from "@/lib/practice/queries";

type Viewer = { roles: readonly Role[]; unitId: string };

function nominationScope(viewer: Viewer): Prisma.NominationWhereInput {
  return seesWholeCounty(viewer.roles) ? {} : { unitId: viewer.unitId };
}

export function listCampaigns() {
  return db.campaign.findMany({
    orderBy: { year: { year: "desc" } },
    include: { year: true, _count: { select: { nominations: { where: { withdrawnAt: null } } } } },
  });
}

export function getCampaign(id: string) {
  return db.campaign.findUnique({
    where: { id },
    include: {
      year: true,
      tiers: { orderBy: [{ category: "asc" }, { level: "desc" }, { rank: "asc" }] },
      jurors: { include: { user: { select: { id: true, name: true, unit: { select: { name: true } } } } }, orderBy: { user: { username: "asc" } } },
    },
  });
}

const nominationInclude = {
  unit: { select: { name: true } },
  project: { select: { id: true, title: true } },
  tier: { select: { id: true, name: true, rank: true } },
  ledProjects: { include: { project: { select: { id: true, title: true } } } },
  _count: { select: { juryScores: { where: { submittedAt: { not: null }, conflictReason: null } } } },
} satisfies Prisma.NominationInclude;

export const NOMINATIONS_PAGE_SIZE = 30;

/** The URL parameter of each group's page on the campaign page (创新性工作/人才 × 全县/部机关). */
export function groupPageParam(group: { category: AwardCategory; level: AwardLevel }): string {
  return `${group.category === "WORK" ? "w" : "p"}${group.level === "COUNTY" ? "c" : "d"}`;
}

/** One page of one group's nominations, best score first, counted in the database. */
export async function nominationsOf(viewer: Viewer, campaignId: string, group: { category: AwardCategory; level: AwardLevel }, page = 1) {
  const where: Prisma.NominationWhereInput = { campaignId, withdrawnAt: null, category: group.category, level: group.level, ...nominationScope(viewer) };
  const [total, nominations] = await Promise.all([
    db.nomination.count({ where }),
    db.nomination.findMany({
      where,
      include: nominationInclude,
      orderBy: [{ score: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * NOMINATIONS_PAGE_SIZE,
      take: NOMINATIONS_PAGE_SIZE,
    }),
  ]);
  return { total, page, pageSize: NOMINATIONS_PAGE_SIZE, nominations };
}

export function nominationDetail(viewer: Viewer, id: string) {
  return db.nomination.findFirst({
    where: { id, ...nominationScope(viewer) },
    include: { ...nominationInclude, campaign: { include: { year: true } }, awardChanges: { orderBy: { at: "asc" } } },
  });
}

/** The unit's projects of the year it may nominate. */
export function nominableProjects(unitId: string, yearId: string) {
  return db.project.findMany({ where: { unitId, yearId, state: { in: [...NOMINABLE_STATES] } }, select: { id: true, title: true }, orderBy: { title: "asc" } });
}

/** The unit's own cadres (a section's 组工干部), who may be nominated as users with their record of the year. */
export function nominableCadres(unitId: string) {
  return db.user.findMany({ where: { AND: [{ unitId }, cadreWhere()] }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** What a juror has to score: open campaigns they sit on, without the entries of their own or related units. */
export async function juryTasks(juror: { id: string; unitId: string }) {
  const nominations = await db.nomination.findMany({
    where: { withdrawnAt: null, campaign: { status: "OPEN", jurors: { some: { userId: juror.id } } } },
    include: {
      unit: { select: { name: true } },
      project: { select: { title: true } },
      campaign: { select: { id: true, title: true, nominationEndsAt: true, rankedAt: true } },
      juryScores: { where: { jurorId: juror.id }, select: { submittedAt: true, conflictReason: true, total: true } },
    },
    orderBy: [{ campaign: { createdAt: "desc" } }, { category: "desc" }, { createdAt: "asc" }],
  });
  const tree = await unitTree(db);
  return nominations.filter((n) => !unitConflict(juror.unitId, n.unitId, tree));
}

export function juryTaskDetail(jurorId: string, nominationId: string) {
  return db.nomination.findFirst({
    where: { id: nominationId, withdrawnAt: null, campaign: { jurors: { some: { userId: jurorId } } } },
    include: { ...nominationInclude, campaign: { include: { year: true } }, juryScores: { where: { jurorId } } },
  });
}

/** The announced list as the public sees it: names, units and tiers, nothing else. */
export function announcedList(campaignId: string) {
  return db.campaign.findFirst({
    where: { id: campaignId, status: { in: storedStatuses("announced") } },
    include: {
      year: { select: { year: true } },
      tiers: { orderBy: [{ category: "asc" }, { level: "desc" }, { rank: "asc" }] },
      nominations: {
        where: { withdrawnAt: null, tierId: { not: null } },
        select: {
          id: true,
          category: true,
          level: true,
          tierId: true,
          personName: true,
          personTitle: true,
          score: true,
          unit: { select: { name: true } },
          project: { select: { id: true, title: true } },
        },
        orderBy: [{ score: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
      },
    },
  });
}

export function latestAnnouncements() {
  return db.campaign.findMany({
    where: { status: { in: storedStatuses("announced") } },
    orderBy: { announcedAt: "desc" },
    take: 5,
    select: { id: true, title: true, status: true, announcementEndsAt: true },
  });
}

export const OBJECTIONS_PAGE_SIZE = 20;

function objectionsOf(campaignId: string, page: number) {
  return db.objection.findMany({
    where: { campaignId },
    skip: (page - 1) * OBJECTIONS_PAGE_SIZE,
    take: OBJECTIONS_PAGE_SIZE,
    include: {
      nomination: {
        select: {
          id: true,
          personName: true,
          category: true,
          level: true,
          tierId: true,
          project: { select: { title: true } },
          unit: { select: { name: true } },
          tier: { select: { name: true } },
        },
      },
    },
    // RECEIVED sorts first: what is still to handle.
    orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** The awards a project won (as a project, or through the people who led it) in decided campaigns. */
export function awardsOfProject(projectId: string) {
  return db.nomination.findMany({
    where: {
      withdrawnAt: null,
      tierId: { not: null },
      campaign: { status: "DECIDED" },
      OR: [{ projectId }, { ledProjects: { some: { projectId } } }],
    },
    select: {
      id: true,
      category: true,
      level: true,
      personName: true,
      tier: { select: { name: true } },
      campaign: { select: { id: true, title: true, decisionNumber: true, decidedAt: true } },
    },
    orderBy: { campaign: { decidedAt: "desc" } },
  });
}

// ——— Documents: the decision, the Excel list and the certificates ———

const awardeeSelect = {
  id: true,
  category: true,
  level: true,
  tierId: true,
  unitId: true,
  personName: true,
  personTitle: true,
  statement: true,
  score: true,
  unit: { select: { name: true } },
  project: { select: { id: true, title: true } },
  ledProjects: { select: { project: { select: { title: true } } } },
} satisfies Prisma.NominationSelect;

/** A decided campaign and everyone it commends; the decision is a public document, so every reader gets all of it. */
export function decidedAwards(campaignId: string) {
  return db.campaign.findFirst({
    where: { id: campaignId, status: "DECIDED" },
    include: {
      year: { select: { year: true } },
      tiers: { orderBy: [{ category: "asc" }, { level: "desc" }, { rank: "asc" }] },
      nominations: {
        where: { withdrawnAt: null, tierId: { not: null } },
        select: awardeeSelect,
        orderBy: [{ score: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
      },
    },
  });
}

/**
 * The rows of the Excel list. Once decided the list is public, so any reader gets all of it; before that
 * (proposed or announced, objections still open) only county readers may take the list out of the system.
 */
export async function exportAwards(viewer: Viewer, campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, ...(seesWholeCounty(viewer.roles) ? {} : { status: "DECIDED" }) },
    include: {
      year: { select: { year: true } },
      tiers: { orderBy: [{ category: "asc" }, { level: "desc" }, { rank: "asc" }] },
      nominations: {
        where: { withdrawnAt: null, tierId: { not: null } },
        select: awardeeSelect,
        orderBy: [{ score: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
      },
    },
  });
  return campaign?.rankedAt ? campaign : null;
}

/** One certificate: an award of a decided campaign; a unit sees only its own. */
export function certificateOf(viewer: Viewer, campaignId: string, nominationId: string) {
  return db.nomination.findFirst({
    where: { id: nominationId, campaignId, withdrawnAt: null, tierId: { not: null }, campaign: { status: "DECIDED" }, ...nominationScope(viewer) },
    select: {
      ...awardeeSelect,
      tier: { select: { name: true } },
      campaign: { select: { id: true, decidedAt: true, decisionNumber: true, year: { select: { year: true } } } },
    },
  });
}

/** The objections of a campaign with the names of the staff who handled them (the row keeps only the id). */
/** One page of a campaign's objections, those still to handle first, with who handled the others; and the counts. */
export async function objectionsWithHandlers(campaignId: string, page = 1) {
  const [total, pending, objections] = await Promise.all([
    db.objection.count({ where: { campaignId } }),
    db.objection.count({ where: { campaignId, status: "RECEIVED" } }),
    objectionsOf(campaignId, page),
  ]);
  const ids = [...new Set(objections.flatMap((o) => (o.handledById ? [o.handledById] : [])))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    total,
    pending,
    page,
    pageSize: OBJECTIONS_PAGE_SIZE,
    objections: objections.map((o) => ({ ...o, handledByName: o.handledById ? (names.get(o.handledById) ?? "") : null })),
  };
}

/** The year of that number with its campaign, if any (a new campaign is opened only for a year without one), and its
 * 评比表彰推荐 window, where a new campaign's period starts from. */
export function yearWithCampaign(year: number) {
  return db.year.findUnique({ where: { year }, include: { campaign: true, windows: { where: { kind: "NOMINATION" } } } });
}

/** Objections still waiting for an answer: the admin's and staff's count on the campaign page. */
export function pendingObjectionCount(campaignId: string) {
  return db.objection.count({ where: { campaignId, status: "RECEIVED" } });
}

/** Jury scores already submitted: the rubric is frozen from the first one. */
export function submittedJuryScoreCount(campaignId: string) {
  return db.juryScore.count({ where: { nomination: { campaignId }, submittedAt: { not: null } } });
}

/** The unit's own live nominations of the campaign, per category, for the quota left on the nomination page. */
export async function ownNominationCounts(campaignId: string, unitId: string): Promise<Record<"WORK" | "PERSON", number>> {
  const used = await db.nomination.groupBy({ by: ["category"], where: { campaignId, unitId, withdrawnAt: null }, _count: true });
  const count = (category: "WORK" | "PERSON") => used.find((u) => u.category === category)?._count ?? 0;
  return { WORK: count("WORK"), PERSON: count("PERSON") };
}

/** A juror may not see an entry of their own unit or of a unit directly above or below it. */
export async function jurorConflicts(jurorUnitId: string, entryUnitId: string): Promise<boolean> {
  return unitConflict(jurorUnitId, entryUnitId, await unitTree(db));
}
