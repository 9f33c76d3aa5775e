// A hearing (听证会 / 座谈会), as data. Its state is not stored: it is open for scoring until the admin ends scoring
// (closedAt). The projects on its agenda have their own table (lib/projects/states.ts). Pure.
import { defineMachine, type StateSpec } from "@/lib/states/machine";

export type HearingState = "OPEN" | "CLOSED";

export function hearingState(hearing: { closedAt: Date | null }): HearingState {
  return hearing.closedAt ? "CLOSED" : "OPEN";
}

/** admin: 管理员 (hearings.manage); reviewer: a 评审专家 with an assignment at this hearing. */
export const HEARING_MACHINE = defineMachine({
  record: "听证会",
  initial: "OPEN",
  states: {
    OPEN: { label: "评分中", tone: "green", holder: "评审专家打分，管理员安排议程与分配" },
    CLOSED: { label: "评分已结束", tone: "stone", holder: "部务会审定" },
  } satisfies Record<HearingState, StateSpec>,
  steps: [["OPEN"], ["CLOSED"]],
  transitions: {
    // The minutes are written after scoring has ended, so a closed hearing can still be edited.
    edit: { label: "修改听证会", from: ["OPEN", "CLOSED"], by: ["admin"], audit: "hearing.update" },
    arrange: { label: "安排议程与评审", from: ["OPEN"], by: ["admin"], refusal: "听证会已结束，不能再改" },
    score: { label: "评分", from: ["OPEN"], by: ["reviewer"], audit: "hearing.score", refusal: "听证会已结束，评分不能再改" },
    declareConflict: { label: "声明回避", from: ["OPEN"], by: ["reviewer"], audit: "hearing.conflict", refusal: "听证会已结束" },
    close: { label: "结束评分", from: ["OPEN"], to: "CLOSED", by: ["admin"], audit: "hearing.close", refusal: "听证会已结束，不能再改" },
  },
});
