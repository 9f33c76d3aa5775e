// Who may bid for a topic in their own name (个人投标), and when; the defence ranking. Pure.
import type { ClaimMode, PersonBidStatus, Role, TopicStatus, UnitType } from "@/lib/generated/prisma/enums";
import { aggregate, rankAggregates, type ScoreRow } from "@/lib/hearings/scoring";
import { formatDateTime } from "@/lib/time";
import { PERSON_BID_MACHINE } from "@/lib/topics/states";

/** A person bid's state by its name, from the person bid table (lib/topics/states.ts). */
export const PERSON_BID_STATUS_LABELS: Record<PersonBidStatus, string> = PERSON_BID_MACHINE.labels;

/** Limits of the texts of a person bid. */
export const PERSON_BID_LIMITS = { approach: 2000, steps: 2000, expectedResults: 1000, reason: 500, place: 100 };

/**
 * Why this person may not bid in their own name at all, or null: the department's cadres (组工干部 in a section of
 * the department) and the cadres behind the unit accounts of townships and departments. Decision 0080.
 */
export function bidderProblem(person: { roles: readonly Role[]; unitType: UnitType }): string | null {
  if (person.roles.includes("COUNTY_STAFF") && person.unitType === "SECTION") return null;
  if (person.roles.includes("UNIT_USER") && (person.unitType === "TOWNSHIP" || person.unitType === "DEPARTMENT" || person.unitType === "SECTION")) return null;
  return "只有部机关干部和各单位干部可以个人投标";
}

type BidTopic = { status: TopicStatus; claimMode: ClaimMode; claimClosesAt: Date; openToPersons: boolean };

/** Why a person may not bid (or revise, or withdraw) now, or null. A bid at the closing instant is already late. */
export function personBidProblem(action: "bid" | "withdraw", topic: BidTopic, existing: { status: PersonBidStatus } | null, now: Date): string | null {
  if (topic.status !== "PUBLISHED") return topic.status === "WITHDRAWN" ? "该选题已撤回" : "该选题尚未发布";
  if (topic.claimMode !== "BIDDING" || !topic.openToPersons) return "该选题不接受个人投标";
  if (now.getTime() >= topic.claimClosesAt.getTime()) return `投标已于 ${formatDateTime(topic.claimClosesAt)} 截止`;
  if (existing && (existing.status === "AWARDED" || existing.status === "NOT_AWARDED")) return "该投标已评定，不能再修改";
  if (action === "withdraw" && existing?.status !== "BID") return "没有可撤回的投标";
  return null;
}

/** Person bids are compared, defended and awarded once no more can come in. */
export function personAwardProblem(topic: BidTopic, now: Date): string | null {
  if (topic.claimMode !== "BIDDING" || !topic.openToPersons) return "该选题不接受个人投标";
  if (topic.status !== "PUBLISHED") return "该选题未发布或已撤回";
  if (now.getTime() < topic.claimClosesAt.getTime()) return `投标截止（${formatDateTime(topic.claimClosesAt)}）后才能答辩和评定`;
  return null;
}

export type DefenceRank = { bidId: string; count: number; mean: number; trimmedMean: number; spread: number; disagreement: boolean; rank: number };

/** The defence results: the hearing's aggregation of the panel's totals, ranked by the trimmed mean (as hearings are). */
export function defenceRanking(scores: { reviewerId: string; bidId: string; total: number }[]): DefenceRank[] {
  const rows: ScoreRow[] = scores.map((score) => ({ reviewerId: score.reviewerId, proposalId: score.bidId, total: score.total }));
  return rankAggregates(aggregate(rows), "trimmedMean").map((row) => ({
    bidId: row.proposalId,
    count: row.count,
    mean: row.mean,
    trimmedMean: row.trimmedMean,
    spread: row.spread,
    disagreement: row.disagreement,
    rank: row.rank,
  }));
}
