// 调查研究课题, as data: states, step bar, who moves a topic and what each move audits. Pure.
import type { ResearchState } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/**
 * admin: the department's admin (sets topics); team: the topic's lead cadre or a member; lead: its lead cadre;
 * head: the head of the lead's section (the admin for a head's own topic); leader: a county leader (or the admin
 * recording a named leader's marking).
 */
export type ResearchActor = "admin" | "team" | "lead" | "head" | "leader";

export const RESEARCH_MACHINE = defineMachine({
  record: "调研课题",
  initial: "PROPOSED",
  states: {
    PROPOSED: { label: "立题", tone: "stone", holder: "牵头人组织开始调研" },
    RESEARCHING: { label: "调研中", tone: "blue", holder: "牵头人和成员调研、撰写报告" },
    REPORTED: { label: "报告已交", tone: "amber", holder: "科室负责人审核报告" },
    CLOSED: { label: "已结题", tone: "green", holder: "领导批示建议" },
  } satisfies Record<ResearchState, StateSpec>,
  steps: [["PROPOSED"], ["RESEARCHING"], ["REPORTED"], ["CLOSED"]],
  groups: {
    /** Before 报告已交: the team still owes the report (the cadre's home to-do). */
    open: ["PROPOSED", "RESEARCHING"],
    /** Its report is in (报告已交, 已结题): its proposals count. */
    reported: ["REPORTED", "CLOSED"],
  },
  transitions: {
    edit: { label: "修改课题", from: ["PROPOSED", "RESEARCHING"], by: ["admin"], audit: "research.update", refusal: "报告已交的课题不能再修改" },
    start: { label: "开始调研", from: ["PROPOSED"], to: "RESEARCHING", by: ["team"], audit: "research.start", refusal: "该课题已开始调研" },
    save: { label: "保存报告", from: ["RESEARCHING"], by: ["team"], refusal: "只有调研中的课题可以填写报告" },
    submit: { label: "提交报告", from: ["RESEARCHING"], to: "REPORTED", by: ["lead"], audit: "research.submit", refusal: "报告已提交，无需重复操作" },
    close: { label: "结题", from: ["REPORTED"], to: "CLOSED", by: ["head"], audit: "research.close", refusal: "只能审核已提交的报告" },
    return: {
      label: "退回",
      from: ["REPORTED"],
      to: "RESEARCHING",
      by: ["head"],
      audit: "research.return",
      refusal: "只能审核已提交的报告",
      needs: { field: "comment", label: "退回意见" },
    },
    mark: { label: "批示建议", from: ["CLOSED"], by: ["leader"], audit: "research.mark", refusal: "课题结题后才能批示建议" },
  },
});
