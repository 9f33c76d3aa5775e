import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { likeText } from "@/lib/db/search";
import { splitWords } from "@/lib/search/schemas";
import { TAKEN_UP } from "@/lib/topics/rules";
import type { TopicFilter } from "@/lib/topics/schemas";

export const TOPICS_PAGE_SIZE = 30;

type Viewer = Pick<CurrentUser, "roles" | "unitId">;

/** County readers see drafts too; everyone else sees the published catalogue (withdrawn topics included). */
export function topicScope(viewer: Viewer): Prisma.TopicWhereInput {
  return seesWholeCounty(viewer.roles) ? {} : { status: { not: "DRAFT" } };
}

function phaseWhere(phase: TopicFilter["phase"], now: Date): Prisma.TopicWhereInput {
  switch (phase) {
    case "draft":
      return { status: "DRAFT" };
    case "open":
      return { status: "PUBLISHED", claimClosesAt: { gt: now } };
    case "closed":
      return { status: "PUBLISHED", claimClosesAt: { lte: now } };
    case "withdrawn":
      return { status: "WITHDRAWN" };
    case "published":
      return { status: "PUBLISHED" };
    default:
      return {};
  }
}

export function topicWhere(viewer: Viewer, filter: TopicFilter & { yearId: string | null }, now = new Date()): Prisma.TopicWhereInput {
  return {
    AND: [
      topicScope(viewer),
      filter.yearId ? { yearId: filter.yearId } : {},
      filter.category ? { category: filter.category } : {},
      filter.focus ? { focus: filter.focus } : {},
      filter.tier ? { tier: filter.tier } : {},
      filter.mode ? { claimMode: filter.mode } : {},
      phaseWhere(filter.phase, now),
      filter.mine ? { OR: [{ claims: { some: { unitId: viewer.unitId } } }, { units: { some: { unitId: viewer.unitId } } }] } : {},
      // Every word of the query, as on the search page (lib/search).
      filter.q
        ? {
            AND: splitWords(filter.q).map((word) => ({
              OR: [
                { title: { contains: likeText(word) } },
                { description: { contains: likeText(word) } },
                { code: { contains: likeText(word.toUpperCase()) } },
              ],
            })),
          }
        : {},
    ],
  };
}

export async function listTopics(viewer: Viewer, filter: TopicFilter & { yearId: string | null }) {
  const where = topicWhere(viewer, filter);
  const page = filter.page ?? 1;
  const [total, topics] = await Promise.all([
    db.topic.count({ where }),
    db.topic.findMany({
      where,
      orderBy: [{ category: "asc" }, { seq: "asc" }],
      skip: (page - 1) * TOPICS_PAGE_SIZE,
      take: TOPICS_PAGE_SIZE,
      include: {
        aspect: { select: { name: true } },
        // The viewer's own claim only: a unit never sees another unit's bid.
        claims: { where: { unitId: viewer.unitId }, select: { status: true } },
        units: { where: { unitId: viewer.unitId }, select: { unitId: true } },
        _count: { select: { claims: { where: { status: { in: TAKEN_UP } } } } },
      },
    }),
  ]);
  return { total, page, pageSize: TOPICS_PAGE_SIZE, topics };
}

export async function getTopic(viewer: Viewer, id: string) {
  const county = seesWholeCounty(viewer.roles);
  const topic = await db.topic.findFirst({
    where: { AND: [{ id }, topicScope(viewer)] },
    include: {
      year: { select: { year: true } },
      aspect: { select: { name: true } },
      programme: { select: { id: true, title: true, plan: { select: { status: true } } } },
      units: { include: { unit: { select: { id: true, name: true } } }, orderBy: { unit: { code: "asc" } } },
      sources: { include: { suggestion: { select: { id: true, receiptNo: true, content: true, category: true } } } },
      amendments: { orderBy: { at: "asc" } },
      claims: {
        where: county ? {} : { OR: [{ unitId: viewer.unitId }, { status: { in: TAKEN_UP } }] },
        include: { unit: { select: { id: true, name: true, type: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!topic || county) return topic;
  // Other units' claims reach a unit only as "who took it up": names and states, no plans or notes.
  return {
    ...topic,
    claims: topic.claims.map((claim) =>
      claim.unitId === viewer.unitId ? claim : { ...claim, approach: null, people: null, timeline: null, note: null, decisionReason: null },
    ),
  };
}

/** The issued catalogue of a year (withdrawn topics left out), in code order within each category. */
export function publishedCatalogue(yearId: string) {
  return db.topic.findMany({
    where: { yearId, status: "PUBLISHED" },
    orderBy: [{ category: "asc" }, { seq: "asc" }],
    include: {
      aspect: { select: { name: true } },
      units: { include: { unit: { select: { name: true } } }, orderBy: { unit: { code: "asc" } } },
      claims: { where: { status: { in: TAKEN_UP } }, include: { unit: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export function draftCount(yearId: string) {
  return db.topic.count({ where: { yearId, status: "DRAFT" } });
}

/** Units that can carry a topic: townships, departments and the department's sections. */
export async function claimableUnits() {
  const units = await db.unit.findMany({
    where: { active: true, type: { in: ["TOWNSHIP", "DEPARTMENT", "SECTION"] } },
    orderBy: [{ type: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, name: true, type: true, parent: { select: { name: true } } },
  });
  return units.map((unit) => ({ id: unit.id, type: unit.type, name: unit.type === "SECTION" && unit.parent ? `${unit.parent.name}${unit.name}` : unit.name }));
}

/** The suggestions a new topic is drawn from (the inbox's selection). */
export function sourceSuggestions(ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.suggestion.findMany({
    where: { id: { in: ids } },
    select: { id: true, receiptNo: true, content: true, category: true, aspectId: true, yearId: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Topics a suggestion was turned into, for the suggestion's page. */
export function topicsFromSuggestion(suggestionId: string) {
  return db.topic.findMany({ where: { sources: { some: { suggestionId } } }, select: { id: true, code: true, title: true, status: true } });
}

/** The county's name for document titles: the top unit of the tree. */
export async function countyName() {
  const root = await db.unit.findFirst({ where: { parentId: null, active: true }, orderBy: { sortOrder: "asc" }, select: { name: true } });
  return root?.name ?? "";
}
