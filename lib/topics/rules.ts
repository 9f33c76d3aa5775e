// The vocabulary, codes and claim rules of the reference topic catalogue (参考选题). Pure.
import { ClaimMode, ClaimStatus, TopicFocus, TopicStatus, TopicTier, type SuggestionCategory } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/time";
import { CLAIM_MACHINE } from "@/lib/topics/states";
import { CLAIM_MODE_LABELS } from "@/lib/topics/vocabulary";

export { ClaimMode, ClaimStatus, TopicFocus, TopicStatus, TopicTier };

export { CLAIM_MODE_LABELS, CLAIM_MODES, FOCUS_LABELS, TIER_LABELS, TOPIC_FOCUSES, TOPIC_TIERS, TOPIC_UNITS_LABEL } from "@/lib/topics/vocabulary";

/** A claim's state by its name, from the claim table (lib/topics/states.ts). */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = CLAIM_MACHINE.labels;
/** Claims that mean the unit carries the topic and may propose a project from it (the claim table's `takenUp`). */
export const TAKEN_UP = CLAIM_MACHINE.group("takenUp");

/** The letters of a topic code per category: 干部 GB, 基层 JC, 人才 RC, 自身 ZS. */
export const CATEGORY_CODES: Record<SuggestionCategory, string> = { CADRE: "GB", PARTY_BUILDING: "JC", TALENT: "RC", SELF_BUILDING: "ZS" };

/** 2026-JC-03. */
export function topicCode(year: number, category: SuggestionCategory, seq: number): string {
  return `${year}-${CATEGORY_CODES[category]}-${String(seq).padStart(2, "0")}`;
}

/** The next number within a year's category: one past the highest ever used (withdrawn topics keep theirs). */
export function nextSeq(usedSeqs: number[]): number {
  return usedSeqs.reduce((max, seq) => Math.max(max, seq), 0) + 1;
}

export type TopicPhase = "draft" | "open" | "closed" | "withdrawn";
export const PHASE_LABELS: Record<TopicPhase, string> = { draft: "草稿", open: "认领中", closed: "已截止", withdrawn: "已撤回" };

export function topicPhase(topic: { status: TopicStatus; claimClosesAt: Date }, now: Date): TopicPhase {
  if (topic.status === "DRAFT") return "draft";
  if (topic.status === "WITHDRAWN") return "withdrawn";
  return now.getTime() < topic.claimClosesAt.getTime() ? "open" : "closed";
}

export type ClaimAction = "take" | "bid" | "accept" | "decline";
const MODE_OF_ACTION: Record<ClaimAction, ClaimMode> = { take: "OPEN", bid: "BIDDING", accept: "ASSIGNED", decline: "ASSIGNED" };

type ClaimTopic = { status: TopicStatus; claimMode: ClaimMode; claimClosesAt: Date; unitIds: string[] };

/**
 * Why a unit may not make this claim now, or null when it may. The closing date is compared with
 * the server's clock: a claim at the closing instant is already late.
 */
export function claimProblem(action: ClaimAction, topic: ClaimTopic, unitId: string, existing: { status: ClaimStatus } | null, now: Date): string | null {
  if (topic.status !== "PUBLISHED") return topic.status === "WITHDRAWN" ? "该选题已撤回" : "该选题尚未发布";
  if (topic.claimMode !== MODE_OF_ACTION[action]) return `该选题的认领方式是“${CLAIM_MODE_LABELS[topic.claimMode]}”`;
  if (now.getTime() >= topic.claimClosesAt.getTime()) return `认领已于 ${formatDateTime(topic.claimClosesAt)} 截止`;
  if (action === "accept" || action === "decline") {
    if (!topic.unitIds.includes(unitId)) return "该选题未发包给本单位";
    if (existing) return `本单位已答复（${CLAIM_STATUS_LABELS[existing.status]}）`;
    return null;
  }
  if (action === "take" && existing) return "本单位已认领该选题";
  // A unit may revise its own bid until the closing date; a decided bid is final.
  if (action === "bid" && existing) return CLAIM_MACHINE.problem("revise", existing.status, "unit");
  return null;
}

/** Bids are compared and awarded once no more can come in. */
export function awardProblem(topic: { status: TopicStatus; claimMode: ClaimMode; claimClosesAt: Date }, now: Date): string | null {
  if (topic.claimMode !== "BIDDING") return "该选题不是招投标选题";
  if (topic.status !== "PUBLISHED") return "该选题未发布或已撤回";
  if (now.getTime() < topic.claimClosesAt.getTime()) return `投标截止（${formatDateTime(topic.claimClosesAt)}）后才能评标`;
  return null;
}

/** Limits of the texts of a topic and a bid. */
export const TOPIC_LIMITS = { title: 60, description: 2000, reason: 500, approach: 2000, people: 500, timeline: 1000, note: 500 };
