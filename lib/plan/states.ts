// The year's work plan (年度组织工作要点), as data: drafted by the admin, published to the units, withdrawn to
// rework it. Items stay editable while published (the county adjusts its plan in the year); units see the plan
// only once it is published. Pure.
import type { PlanStatus } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** admin: the programme office (管理员). */
export type PlanActor = "admin";

export const PLAN_MACHINE = defineMachine({
  record: "工作要点",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "草拟中", tone: "stone", holder: "管理员草拟主题和条目" },
    PUBLISHED: { label: "已印发", tone: "green", holder: "各单位可查阅；管理员仍可调整" },
  } satisfies Record<PlanStatus, StateSpec>,
  steps: [["DRAFT"], ["PUBLISHED"]],
  transitions: {
    edit: { label: "修改", from: ["DRAFT", "PUBLISHED"], by: ["admin"] },
    publish: { label: "印发", from: ["DRAFT"], to: "PUBLISHED", by: ["admin"], audit: "plan.publish", refusal: "工作要点已印发，无需重复操作" },
    withdraw: { label: "撤回", from: ["PUBLISHED"], to: "DRAFT", by: ["admin"], audit: "plan.withdraw", refusal: "工作要点尚未印发" },
  },
});
