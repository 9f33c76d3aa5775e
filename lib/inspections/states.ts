// Quarterly inspection (季度督查) and its rectification items (整改事项), as data. Pure.
// An inspection's state is not stored: it is a draft (撰写中) until its report is published (publishedAt).
import type { RectificationStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

export type InspectionState = "DRAFT" | "PUBLISHED";

export function inspectionState(inspection: { publishedAt: Date | null }): InspectionState {
  return inspection.publishedAt ? "PUBLISHED" : "DRAFT";
}

/** member: a member of the inspection team (or the admin, who may act for any team). */
export const INSPECTION_MACHINE = defineMachine({
  record: "督查",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "撰写中", tone: "amber", holder: "督查组撰写督查报告" },
    PUBLISHED: { label: "已发布", tone: "green", holder: "有关单位按期答复整改事项" },
  } satisfies Record<InspectionState, StateSpec>,
  steps: [["DRAFT"], ["PUBLISHED"]],
  transitions: {
    chooseProjects: { label: "选定督查项目", from: ["DRAFT"], by: ["member"], audit: "inspection.projects", refusal: "督查报告已发布，不能再改" },
    write: { label: "撰写督查意见", from: ["DRAFT"], by: ["member"], refusal: "督查报告已发布，不能再改" },
    publish: { label: "发布督查报告", from: ["DRAFT"], to: "PUBLISHED", by: ["member"], audit: "inspection.publish", refusal: "督查报告已发布，不能再改" },
  },
});

/** unit: the unit the item is addressed to; member: the inspection team (or the admin). */
export const RECTIFICATION_MACHINE = defineMachine({
  record: "整改事项",
  initial: "OPEN",
  states: {
    OPEN: { label: "待整改", tone: "amber", holder: "责任单位整改并答复" },
    ANSWERED: { label: "已答复", tone: "blue", holder: "督查组验收" },
    ACCEPTED: { label: "已销号", tone: "green" },
  } satisfies Record<RectificationStatus, StateSpec>,
  steps: [["OPEN"], ["ANSWERED"], ["ACCEPTED"]],
  transitions: {
    answer: { label: "答复整改", from: ["OPEN", "ANSWERED"], to: "ANSWERED", by: ["unit"], audit: "rectification.answer", refusal: "该整改事项已销号" },
    accept: { label: "销号", from: ["ANSWERED"], to: "ACCEPTED", by: ["member"], audit: "rectification.accept", refusal: "单位答复后才能验收" },
    reopen: {
      label: "重新整改",
      from: ["ANSWERED"],
      to: "OPEN",
      by: ["member"],
      audit: "rectification.reopen",
      refusal: "单位答复后才能验收",
      needs: { field: "review", label: "重新整改的理由" },
    },
  },
});
