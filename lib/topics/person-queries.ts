// Reading person bids (个人投标): one's own, a topic's for county readers (compared side by side), a reviewer's
// defence sheet, and the topics a person bid for and won (their record).
import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";
import { rubricOf } from "@/lib/hearings/queries";
import { defenceRanking } from "@/lib/topics/person-rules";

/** Bids side by side: a few columns at a time fit a desk screen. */
export const PERSON_BIDS_PAGE_SIZE = 4;

type Viewer = Pick<CurrentUser, "id" | "roles">;

export function ownPersonBid(userId: string, topicId: string) {
  return db.personBid.findUnique({ where: { topicId_userId: { topicId, userId } } });
}

/** When and where a topic's defence is held and whether its scoring is over (the bidder's step bar). */
export function topicDefenceOf(topicId: string) {
  return db.topicDefence.findUnique({ where: { topicId }, select: { heldAt: true, place: true, closedAt: true } });
}

/** The person bids of a topic (withdrawn ones left out), one page at a time, with the defence ranking; county readers only. */
export async function topicPersonBids(viewer: Viewer, topicId: string, page: number) {
  if (!seesWholeCounty(viewer.roles)) return null;
  const where = { topicId, status: { not: "WITHDRAWN" as const } };
  const [total, bids, defence] = await Promise.all([
    db.personBid.count({ where }),
    db.personBid.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PERSON_BIDS_PAGE_SIZE,
      take: PERSON_BIDS_PAGE_SIZE,
      include: { user: { select: { name: true } }, unit: { select: { name: true } } },
    }),
    db.topicDefence.findUnique({
      where: { topicId },
      include: { reviewers: { include: { user: { select: { id: true, name: true } } } }, _count: { select: { scores: true } } },
    }),
  ]);
  const scores = defence ? await db.defenceScore.findMany({ where: { defenceId: defence.id }, select: { reviewerId: true, bidId: true, total: true } }) : [];
  const ranking = new Map(defenceRanking(scores).map((row) => [row.bidId, row]));
  return { total, page, pageSize: PERSON_BIDS_PAGE_SIZE, bids, defence, ranking, pending: await db.personBid.count({ where: { topicId, status: "BID" } }) };
}

/** Every person bid of a topic still to be decided (the award form covers all pages at once). */
export function openPersonBids(topicId: string) {
  return db.personBid.findMany({
    where: { topicId, status: "BID" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, user: { select: { name: true } }, unit: { select: { name: true } } },
  });
}

/** The defence sheet of one reviewer on one topic: only when seated on its panel (scoped in the query). */
export async function reviewerDefence(reviewerId: string, topicId: string, page: number) {
  const defence = await db.topicDefence.findFirst({
    where: { topicId, reviewers: { some: { userId: reviewerId } } },
    include: { topic: { select: { yearId: true } } },
  });
  if (!defence) return null;
  const where = { topicId, status: { in: ["BID" as const, "AWARDED" as const, "NOT_AWARDED" as const] } };
  const [total, bids, rubric] = await Promise.all([
    db.personBid.count({ where }),
    db.personBid.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PERSON_BIDS_PAGE_SIZE,
      take: PERSON_BIDS_PAGE_SIZE,
      include: { user: { select: { name: true } }, unit: { select: { name: true } }, scores: { where: { reviewerId } } },
    }),
    rubricOf(defence.topic.yearId),
  ]);
  return { defence, total, page, pageSize: PERSON_BIDS_PAGE_SIZE, bids, criteria: rubric.criteria };
}

/** Reviewers who may sit on a defence panel. */
export function defenceReviewerChoices() {
  return db.user.findMany({
    where: { active: true, roles: { has: "REVIEWER" } },
    orderBy: { username: "asc" },
    select: { id: true, name: true, unit: { select: { name: true } } },
  });
}

/** A person's bids of a year with the topics and the projects they lead: their record (四个一 page). */
export function personBidRecord(userId: string, year: number) {
  return db.personBid.findMany({
    where: { userId, status: { not: "WITHDRAWN" }, topic: { year: { year } } },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: {
      topic: {
        select: { id: true, code: true, title: true, projects: { where: { leadUserId: userId }, select: { id: true, title: true, state: true } } },
      },
    },
  });
}

/** The project a person leads from a topic they won. */
export function ledProject(userId: string, topicId: string) {
  return db.project.findFirst({ where: { topicId, leadUserId: userId }, select: { id: true } });
}

export const MY_BIDS_PAGE_SIZE = 20;

/** One's own person bids, newest first, one page at a time: the record a unit's cadre keeps of their bids. */
export async function myPersonBids(userId: string, page: number) {
  const where = { userId };
  const [total, bids] = await Promise.all([
    db.personBid.count({ where }),
    db.personBid.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * MY_BIDS_PAGE_SIZE,
      take: MY_BIDS_PAGE_SIZE,
      include: {
        topic: {
          select: { id: true, code: true, title: true, claimClosesAt: true, projects: { where: { leadUserId: userId }, select: { id: true } } },
        },
      },
    }),
  ]);
  return { total, page, pageSize: MY_BIDS_PAGE_SIZE, bids };
}
