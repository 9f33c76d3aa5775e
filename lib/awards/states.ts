// Evaluation and commendation (评比表彰), as data: a campaign's phases, a nomination, an objection. Pure.
// A campaign stores OPEN / ANNOUNCED / DECIDED; its phase adds the clock (lib/awards/phase.ts: campaignPhase),
// and the machine is over the phases, so that "推荐截止后才能…" is one rule here rather than a comparison in
// each service.
import type { ObjectionStatus } from "@/lib/generated/prisma/enums";
import type { CampaignPhase } from "@/lib/awards/phase";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** admin: 管理员 (awards.manage); unit: a nominating unit; juror: a 评委 of the campaign; public: anyone (异议); clock: time. */
export const CAMPAIGN_MACHINE = defineMachine({
  record: "评比表彰",
  initial: "NOT_STARTED",
  states: {
    NOT_STARTED: { label: "推荐未开始", tone: "stone", holder: "等待推荐开始" },
    NOMINATING: { label: "推荐中", tone: "blue", holder: "各单位推荐" },
    SCORING: { label: "评审中", tone: "blue", holder: "评委评分，管理员生成拟表彰名单并公示" },
    ANNOUNCED: { label: "公示中", tone: "amber", holder: "社会公示，受理异议" },
    ANNOUNCEMENT_OVER: { label: "公示期满", tone: "amber", holder: "管理员办结异议后印发表彰决定" },
    DECIDED: { label: "已表彰", tone: "green" },
  } satisfies Record<CampaignPhase, StateSpec>,
  steps: [["NOT_STARTED"], ["NOMINATING"], ["SCORING"], ["ANNOUNCED"], ["ANNOUNCEMENT_OVER"], ["DECIDED"]],
  groups: {
    /** Its list is public (公示中, 公示期满, 已表彰): the public announcement pages show it. */
    announced: ["ANNOUNCED", "ANNOUNCEMENT_OVER", "DECIDED"],
  },
  transitions: {
    configure: {
      label: "修改设置",
      from: ["NOT_STARTED", "NOMINATING", "SCORING"],
      by: ["admin"],
      audit: "campaign.update",
      refusal: "名单已公示，设置不能再改",
    },
    open: { label: "开始推荐", from: ["NOT_STARTED"], to: "NOMINATING", by: ["clock"] },
    nominate: { label: "推荐", from: ["NOMINATING"], by: ["unit"], audit: "nomination.create" },
    closeNominations: { label: "推荐截止", from: ["NOMINATING"], to: "SCORING", by: ["clock"] },
    score: { label: "评委评分", from: ["SCORING"], by: ["juror"], audit: "jury.score", refusal: "推荐截止后、生成拟表彰名单前才能评分" },
    rank: { label: "生成拟表彰名单", from: ["SCORING"], by: ["admin"], audit: "campaign.rank", refusal: "推荐截止后、公示前才能生成拟表彰名单" },
    adjust: {
      label: "调整拟表彰名单",
      from: ["SCORING"],
      by: ["admin"],
      audit: "campaign.adjust",
      refusal: "生成拟表彰名单后、公示前才能调整；公示期间的变更通过异议处理",
    },
    announce: { label: "发布公示", from: ["SCORING"], to: "ANNOUNCED", by: ["admin"], audit: "campaign.announce", refusal: "推荐截止后、公示前才能发布公示" },
    object: { label: "提出异议", from: ["ANNOUNCED"], by: ["public"], audit: "objection.create" },
    endAnnouncement: { label: "公示期满", from: ["ANNOUNCED"], to: "ANNOUNCEMENT_OVER", by: ["clock"] },
    handleObjection: {
      label: "处理异议",
      from: ["ANNOUNCED", "ANNOUNCEMENT_OVER"],
      by: ["admin"],
      audit: "objection.handle",
      refusal: "表彰决定已印发，异议不能再处理",
    },
    decide: {
      label: "印发表彰决定",
      from: ["ANNOUNCEMENT_OVER"],
      to: "DECIDED",
      by: ["admin"],
      audit: "campaign.decide",
      refusal: "名单公示期满后才能印发表彰决定",
    },
  },
});

export type NominationState = "NOMINATED" | "WITHDRAWN";

export function nominationState(nomination: { withdrawnAt: Date | null }): NominationState {
  return nomination.withdrawnAt ? "WITHDRAWN" : "NOMINATED";
}

/** While the campaign is NOMINATING (CAMPAIGN_MACHINE.nominate), the unit may change or withdraw its nomination. */
export const NOMINATION_MACHINE = defineMachine({
  record: "推荐",
  initial: "NOMINATED",
  states: {
    NOMINATED: { label: "已推荐", tone: "blue", holder: "评委评审" },
    WITHDRAWN: { label: "已撤回", tone: "stone" },
  } satisfies Record<NominationState, StateSpec>,
  steps: [["NOMINATED", "WITHDRAWN"]],
  transitions: {
    update: { label: "修改推荐", from: ["NOMINATED"], by: ["unit"], audit: "nomination.update", refusal: "推荐不存在" },
    withdraw: { label: "撤回推荐", from: ["NOMINATED"], to: "WITHDRAWN", by: ["unit"], audit: "nomination.withdraw", refusal: "推荐不存在" },
  },
});

export const OBJECTION_MACHINE = defineMachine({
  record: "异议",
  initial: "RECEIVED",
  states: {
    RECEIVED: { label: "待处理", tone: "amber", holder: "管理员调查核实并答复" },
    UPHELD: { label: "异议成立", tone: "red" },
    DISMISSED: { label: "异议不成立", tone: "green" },
  } satisfies Record<ObjectionStatus, StateSpec>,
  steps: [["RECEIVED"], ["UPHELD", "DISMISSED"]],
  transitions: {
    uphold: { label: "异议成立", from: ["RECEIVED"], to: "UPHELD", by: ["admin"], audit: "objection.handle" },
    dismiss: { label: "异议不成立", from: ["RECEIVED"], to: "DISMISSED", by: ["admin"], audit: "objection.handle" },
  },
});
