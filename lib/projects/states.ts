// The state machine of a project, as data: which transitions exist, from where, and who may make them. Pure.
import type { ProjectState } from "@/lib/generated/prisma/enums";

/** Who acts: the project's own unit (its 填报员), the admin (管理员), or the hearing module (next issue). */
export type TransitionActor = "unit" | "admin" | "hearing";

type Transition = {
  label: string;
  from: ProjectState[];
  to: ProjectState;
  by: TransitionActor[];
  /** A text the transition needs: the reasons of a return or termination, the final summary. */
  needs?: { field: "reason" | "summary"; label: string };
};

export const TRANSITIONS = {
  submit: { label: "提交申报", from: ["DRAFT"], to: "SUBMITTED", by: ["unit"] },
  withdraw: { label: "撤回", from: ["SUBMITTED"], to: "DRAFT", by: ["unit"] },
  return: { label: "退回补充", from: ["SUBMITTED"], to: "RETURNED", by: ["admin"], needs: { field: "reason", label: "退回理由" } },
  resubmit: { label: "重新提交", from: ["RETURNED", "REVISE"], to: "SUBMITTED", by: ["unit"] },
  // Set by the hearing and the department affairs meeting (issue 5); listed here so that the machine is whole.
  schedule: { label: "列入听证", from: ["SUBMITTED"], to: "IN_HEARING", by: ["hearing"] },
  unschedule: { label: "移出听证", from: ["IN_HEARING"], to: "SUBMITTED", by: ["hearing"] },
  approve: { label: "立项", from: ["IN_HEARING", "SUBMITTED"], to: "APPROVED", by: ["hearing"] },
  revise: { label: "修改后再审", from: ["IN_HEARING", "SUBMITTED"], to: "REVISE", by: ["hearing"] },
  reject: { label: "不予立项", from: ["IN_HEARING", "SUBMITTED"], to: "REJECTED", by: ["hearing"] },
  start: { label: "开始实施", from: ["APPROVED"], to: "IN_PROGRESS", by: ["unit", "admin"] },
  complete: { label: "结项", from: ["IN_PROGRESS"], to: "COMPLETED", by: ["unit", "admin"], needs: { field: "summary", label: "结项总结" } },
  terminate: { label: "终止", from: ["APPROVED", "IN_PROGRESS"], to: "TERMINATED", by: ["admin"], needs: { field: "reason", label: "终止理由" } },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

export function transitionProblem(name: TransitionName, state: ProjectState, actor: TransitionActor): string | null {
  const transition: Transition = TRANSITIONS[name];
  if (!transition.by.includes(actor)) return `无权“${transition.label}”`;
  if (!transition.from.includes(state)) return `当前状态不能“${transition.label}”`;
  return null;
}

/** The transitions the actor may make from this state, in table order (for the project page's buttons). */
export function availableTransitions(state: ProjectState, actors: TransitionActor[]): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => actors.some((actor) => !transitionProblem(name, state, actor)));
}
