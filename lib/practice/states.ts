// 四个一 items (调研报告 / 难题 / 典型), as data: states, step bar, who moves them and what each move audits. Pure.
// The grid's 未到期 / 待提交 / 逾期 add the due date to these (lib/practice/periods.ts).
import type { PracticeStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** cadre: the item's own 组工干部; head: the head (科室负责人) of the cadre's section. */
export type PracticeActor = "cadre" | "head";

export const PRACTICE_MACHINE = defineMachine({
  record: "四个一",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "草稿", tone: "stone", holder: "组工干部填写并提交" },
    SUBMITTED: { label: "已提交", tone: "blue", holder: "科室负责人审核" },
    RETURNED: { label: "退回", tone: "amber", holder: "组工干部修改后重新提交" },
    ACCEPTED: { label: "已认可", tone: "green" },
  } satisfies Record<PracticeStatus, StateSpec>,
  steps: [["DRAFT", "RETURNED"], ["SUBMITTED"], ["ACCEPTED"]],
  groups: {
    /** Handed in and not returned (已提交, 已认可): the item of the period is no longer owed. */
    received: ["SUBMITTED", "ACCEPTED"],
  },
  transitions: {
    save: { label: "保存", from: ["DRAFT", "RETURNED"], by: ["cadre"], refusal: "已提交的材料不能修改" },
    attach: { label: "上传附件", from: ["DRAFT", "RETURNED"], by: ["cadre"], audit: "practice.attach", refusal: "已提交的材料不能再添加或删除附件" },
    submit: { label: "提交", from: ["DRAFT", "RETURNED"], to: "SUBMITTED", by: ["cadre"], audit: "practice.submit", refusal: "该材料已提交，无需重复操作" },
    accept: { label: "认可", from: ["SUBMITTED"], to: "ACCEPTED", by: ["head"], audit: "practice.accept", refusal: "只能审核已提交的材料" },
    return: {
      label: "退回",
      from: ["SUBMITTED"],
      to: "RETURNED",
      by: ["head"],
      audit: "practice.return",
      refusal: "只能审核已提交的材料",
      needs: { field: "comment", label: "退回意见" },
    },
  },
});
