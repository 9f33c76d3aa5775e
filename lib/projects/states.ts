// The state machine of a project, as data: its states, its step bar, which transitions exist, from where, who may
// make them and what each writes to the audit log. Pure.
import type { ProjectState } from "@/lib/generated/prisma/enums";
import { defineMachine, type StateSpec } from "@/lib/states/machine";

/** Who acts: the project's own unit (its 填报员), the admin (管理员), or the hearing and the 部务会. */
export type TransitionActor = "unit" | "admin" | "hearing";

export const PROJECT_MACHINE = defineMachine({
  record: "项目",
  initial: "DRAFT",
  states: {
    DRAFT: { label: "草稿", tone: "stone", holder: "申报单位填写申报书" },
    SUBMITTED: { label: "已申报", tone: "blue", holder: "组织部受理，安排听证" },
    RETURNED: { label: "退回补充", tone: "amber", holder: "申报单位补充后重新提交" },
    IN_HEARING: { label: "听证中", tone: "blue", holder: "评审专家打分，部务会审定" },
    APPROVED: { label: "已立项", tone: "green", holder: "申报单位开始实施" },
    REVISE: { label: "修改后再审", tone: "amber", holder: "申报单位修改后重新提交" },
    REJECTED: { label: "不予立项", tone: "red" },
    IN_PROGRESS: { label: "实施中", tone: "green", holder: "申报单位按季度报送进展" },
    COMPLETED: { label: "已结项", tone: "green" },
    TERMINATED: { label: "已终止", tone: "red" },
  } satisfies Record<ProjectState, StateSpec>,
  steps: [["DRAFT"], ["SUBMITTED", "RETURNED"], ["IN_HEARING", "REVISE"], ["APPROVED", "REJECTED"], ["IN_PROGRESS", "TERMINATED"], ["COMPLETED"]],
  groups: {
    /** The unit may edit its proposal (草稿, 退回补充, 修改后再审). */
    editable: ["DRAFT", "RETURNED", "REVISE"],
    /** A proposal the unit has still to hand in within the window (草稿, 退回补充): the proposal reminder. */
    proposalPending: ["DRAFT", "RETURNED"],
    /** Went through approval: 已立项, 实施中, 已结项, 已终止 (termination is only possible after approval). */
    approvedStage: ["APPROVED", "IN_PROGRESS", "COMPLETED", "TERMINATED"],
    /** Approved and not terminated (已立项, 实施中, 已结项): may be shown, shared, nominated or marked as an example. */
    approvedStanding: ["APPROVED", "IN_PROGRESS", "COMPLETED"],
    /** Work on it has started (实施中, 已结项): a 典型 may link it, a 现场会 show it. */
    started: ["IN_PROGRESS", "COMPLETED"],
    /** Over: 不予立项, 已结项, 已终止 (its lead no longer carries it). */
    over: ["REJECTED", "COMPLETED", "TERMINATED"],
  },
  transitions: {
    submit: { label: "提交申报", from: ["DRAFT"], to: "SUBMITTED", by: ["unit"], audit: "project.transition" },
    withdraw: { label: "撤回", from: ["SUBMITTED"], to: "DRAFT", by: ["unit"], audit: "project.transition" },
    return: {
      label: "退回补充",
      from: ["SUBMITTED"],
      to: "RETURNED",
      by: ["admin"],
      audit: "project.transition",
      needs: { field: "reason", label: "退回理由" },
    },
    resubmit: { label: "重新提交", from: ["RETURNED", "REVISE"], to: "SUBMITTED", by: ["unit"], audit: "project.transition" },
    // Made by the hearing module and the department affairs meeting; listed here so that the machine is whole.
    schedule: { label: "列入听证", from: ["SUBMITTED"], to: "IN_HEARING", by: ["hearing"], audit: "project.transition" },
    unschedule: { label: "移出听证", from: ["IN_HEARING"], to: "SUBMITTED", by: ["hearing"], audit: "project.transition" },
    approve: { label: "立项", from: ["IN_HEARING", "SUBMITTED"], to: "APPROVED", by: ["hearing"], audit: "project.transition" },
    revise: { label: "修改后再审", from: ["IN_HEARING", "SUBMITTED"], to: "REVISE", by: ["hearing"], audit: "project.transition" },
    reject: { label: "不予立项", from: ["IN_HEARING", "SUBMITTED"], to: "REJECTED", by: ["hearing"], audit: "project.transition" },
    start: { label: "开始实施", from: ["APPROVED"], to: "IN_PROGRESS", by: ["unit", "admin"], audit: "project.transition" },
    complete: {
      label: "结项",
      from: ["IN_PROGRESS"],
      to: "COMPLETED",
      by: ["unit", "admin"],
      audit: "project.transition",
      needs: { field: "summary", label: "结项总结" },
    },
    terminate: {
      label: "终止",
      from: ["APPROVED", "IN_PROGRESS"],
      to: "TERMINATED",
      by: ["admin"],
      audit: "project.transition",
      needs: { field: "reason", label: "终止理由" },
    },
  },
});

export const TRANSITIONS = PROJECT_MACHINE.transitions;
export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = PROJECT_MACHINE.transitionNames;

export function transitionProblem(name: TransitionName, state: ProjectState, actor: TransitionActor): string | null {
  const transition = TRANSITIONS[name];
  if (!(transition.by as readonly string[]).includes(actor)) return `无权“${transition.label}”`;
  if (!(transition.from as readonly string[]).includes(state)) return `当前状态不能“${transition.label}”`;
  return null;
}

/** The transitions the actor may make from this state, in table order (for the project page's buttons). */
export function availableTransitions(state: ProjectState, actors: TransitionActor[]): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => actors.some((actor) => !transitionProblem(name, state, actor)));
}
