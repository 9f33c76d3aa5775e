// A reference topic (参考选题), a unit's claim of it (认领 / 投标 / 答复发包), a person's bid for it (个人投标) and the
// defence (答辩) of its person bids, as data. Pure.
import { defineMachine, type StateSpec } from "@/lib/states/machine";
import type { ClaimStatus, PersonBidStatus, TopicStatus } from "@/lib/generated/prisma/enums";

/**
 * admin: 管理员 (topics.manage). Whether a published topic is still open for claims (认领中 / 已截止) is not a state: it
 * comes from its closing time (lib/topics/rules.ts topicPhase).
 */
export const TOPIC_MACHINE = defineMachine({
  record: "参考选题",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "草稿", tone: "stone", holder: "管理员拟定，统一发布" },
    PUBLISHED: { label: "已发布", tone: "green", holder: "各单位按认领方式认领、投标或答复发包" },
    WITHDRAWN: { label: "已撤回", tone: "stone" },
  } satisfies Record<TopicStatus, StateSpec>,
  steps: [["DRAFT"], ["PUBLISHED", "WITHDRAWN"]],
  transitions: {
    edit: { label: "修改选题草稿", from: ["DRAFT"], by: ["admin"], audit: "topic.update", refusal: "只有草稿可以直接修改" },
    amend: { label: "修改已发布选题", from: ["PUBLISHED"], by: ["admin"], audit: "topic.amend", refusal: "已撤回的选题不能修改" },
    publish: { label: "发布", from: ["DRAFT"], to: "PUBLISHED", by: ["admin"], audit: "topic.publish", refusal: "该选题已发布" },
    closeClaims: { label: "提前截止认领", from: ["PUBLISHED"], by: ["admin"], audit: "topic.close_claims", refusal: "只有已发布的选题才能截止认领" },
    withdraw: {
      label: "撤回",
      from: ["DRAFT", "PUBLISHED"],
      to: "WITHDRAWN",
      by: ["admin"],
      audit: "topic.withdraw",
      refusal: "该选题已撤回",
      needs: { field: "reason", label: "撤回理由" },
    },
  },
});

/**
 * unit: the claiming unit's 填报员 (topics.claim); admin: 管理员 (topics.manage). A claim is made in the state its
 * topic's claim mode gives: 已认领 (自主认领, audit claim.take), 已投标 (招投标, claim.bid), 已接受发包 or 不能承接 (发包,
 * claim.accept / claim.decline); only a bid moves on. No page draws a claim's step bar.
 */
export const CLAIM_MACHINE = defineMachine({
  record: "选题认领",
  initial: "BID",
  created: ["TAKEN", "ACCEPTED", "DECLINED"],
  states: {
    TAKEN: { label: "已认领", tone: "green", holder: "本单位据此申报项目" },
    BID: { label: "已投标", tone: "blue", holder: "截止前本单位可修改；截止后管理员评标" },
    AWARDED: { label: "中标", tone: "green", holder: "本单位据此申报项目" },
    NOT_AWARDED: { label: "未中标", tone: "stone" },
    ACCEPTED: { label: "已接受发包", tone: "green", holder: "本单位据此申报项目" },
    DECLINED: { label: "不能承接", tone: "red" },
  } satisfies Record<ClaimStatus, StateSpec>,
  steps: [
    ["BID", "TAKEN", "ACCEPTED", "DECLINED"],
    ["AWARDED", "NOT_AWARDED"],
  ],
  groups: {
    /** The unit carries the topic and may propose a project from it (已认领, 中标, 已接受发包). */
    takenUp: ["TAKEN", "AWARDED", "ACCEPTED"],
  },
  transitions: {
    revise: { label: "修改投标", from: ["BID"], by: ["unit"], audit: "claim.bid_update", refusal: "该投标已评定，不能再修改" },
    award: { label: "中标", from: ["BID"], to: "AWARDED", by: ["admin"], audit: "claim.award", refusal: "该投标已评定" },
    reject: { label: "未中标", from: ["BID"], to: "NOT_AWARDED", by: ["admin"], audit: "claim.award", refusal: "该投标已评定" },
  },
});

/** bidder: the person who made the bid (topics.bidPersonally); admin: 管理员 (topics.publish). */
export const PERSON_BID_MACHINE = defineMachine({
  record: "个人投标",
  initial: "BID",
  states: {
    BID: { label: "已投标", tone: "blue", holder: "截止前本人可修改、撤回；截止后管理员比较、答辩并评定" },
    WITHDRAWN: { label: "已撤回", tone: "stone", holder: "截止前本人可重新投标" },
    AWARDED: { label: "中标", tone: "green" },
    NOT_AWARDED: { label: "未中标", tone: "stone" },
  } satisfies Record<PersonBidStatus, StateSpec>,
  steps: [
    ["BID", "WITHDRAWN"],
    ["AWARDED", "NOT_AWARDED"],
  ],
  transitions: {
    revise: { label: "修改投标", from: ["BID", "WITHDRAWN"], to: "BID", by: ["bidder"], audit: "person_bid.update", refusal: "该投标已评定，不能再修改" },
    withdraw: { label: "撤回投标", from: ["BID"], to: "WITHDRAWN", by: ["bidder"], audit: "person_bid.withdraw", refusal: "没有可撤回的投标" },
    award: { label: "中标", from: ["BID"], to: "AWARDED", by: ["admin"], audit: "person_bid.award", refusal: "该投标已评定或已撤回" },
    reject: { label: "未中标", from: ["BID"], to: "NOT_AWARDED", by: ["admin"], audit: "person_bid.award", refusal: "该投标已评定或已撤回" },
  },
});

export type DefenceState = "OPEN" | "CLOSED";

export function defenceState(defence: { closedAt: Date | null }): DefenceState {
  return defence.closedAt ? "CLOSED" : "OPEN";
}

/** admin: 管理员 (topics.publish); reviewer: a 评审专家 seated on the defence panel. */
export const DEFENCE_MACHINE = defineMachine({
  record: "个人投标答辩",
  initial: "OPEN",
  states: {
    OPEN: { label: "评分中", tone: "green", holder: "评审专家按评分标准为各投标人打分" },
    CLOSED: { label: "评分已结束", tone: "stone", holder: "管理员依答辩排名评定中标人" },
  } satisfies Record<DefenceState, StateSpec>,
  steps: [["OPEN"], ["CLOSED"]],
  transitions: {
    arrange: { label: "安排答辩", from: ["OPEN"], by: ["admin"], audit: "defence.arrange", refusal: "答辩评分已结束，不能再改" },
    score: { label: "答辩评分", from: ["OPEN"], by: ["reviewer"], audit: "defence.score", refusal: "答辩评分已结束，分数不能再改" },
    close: { label: "结束评分", from: ["OPEN"], to: "CLOSED", by: ["admin"], audit: "defence.close", refusal: "答辩评分已结束" },
  },
});
