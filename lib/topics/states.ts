// A person's bid for a topic (个人投标) and the defence (答辩) of a topic's person bids, as data. Pure.
import { defineMachine, type StateSpec } from "@/lib/states/machine";
import type { PersonBidStatus } from "@/lib/generated/prisma/enums";

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
