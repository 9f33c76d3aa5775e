// Where a person bid (个人投标) and its topic's defence (答辩) stand, for the step bars on the topic page: who acts
// now, what the viewer may do, the deadline or the date the holder works to. Pure (issue 20 point 2).
import type { PersonBidStatus } from "@/lib/generated/prisma/enums";
import { DEFENCE_MACHINE, PERSON_BID_MACHINE, defenceState } from "@/lib/topics/states";
import { formatDateTime } from "@/lib/time";

export type Stage = { holder?: string; next: string[]; deadline?: { label: string; at: Date } };

type Defence = { heldAt: Date; place: string; closedAt: Date | null } | null;

/** The bidder's own bid: before the closing instant they may change or withdraw it; afterwards the admin holds it. */
export function personBidStage(status: PersonBidStatus, open: boolean, claimClosesAt: Date, defence: Defence): Stage {
  const next = open
    ? PERSON_BID_MACHINE.available(status, ["bidder"]).map((name) => (status === "WITHDRAWN" ? "重新投标" : PERSON_BID_MACHINE.transitions[name].label))
    : [];
  if (status === "AWARDED" || status === "NOT_AWARDED") return { next: [] };
  if (open) {
    return {
      holder: status === "WITHDRAWN" ? "本人（截止前可重新投标）" : "本人（截止前可修改、撤回）；截止后管理员组织答辩并评定",
      next,
      deadline: { label: "投标截止", at: claimClosesAt },
    };
  }
  if (status === "WITHDRAWN") return { holder: "投标已截止，本投标已撤回", next: [] };
  if (!defence) return { holder: "管理员安排答辩", next: [] };
  if (!defence.closedAt) return { holder: `评审专家答辩评分（${formatDateTime(defence.heldAt)}，${defence.place}）`, next: [] };
  return { holder: DEFENCE_MACHINE.states.CLOSED.holder, next: [] };
}

/** A defence, as a seated reviewer or the admin sees it. */
export function defenceStage(defence: NonNullable<Defence>, viewer: "reviewer" | "admin"): Stage {
  const state = defenceState(defence);
  const next: string[] = DEFENCE_MACHINE.available(state, [viewer]).map((name) => DEFENCE_MACHINE.transitions[name].label);
  if (viewer === "admin" && state === "CLOSED") next.push("评定中标人");
  return { holder: DEFENCE_MACHINE.states[state].holder, next, deadline: state === "OPEN" ? { label: "答辩时间", at: defence.heldAt } : undefined };
}
