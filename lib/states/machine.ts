// One shape for every record kind's state rules: its states (label, tone), the steps a record goes through (the
// step bar), and its transitions (from which states, to which, who may make them, what each writes to the audit
// log), and the named groups of states that queries, rules and dashboards use (the approved stage of a project, the
// reports that count as handed in). Services check a transition with `assert` before writing, pages draw the step bar
// and the buttons from the same table, queries take a group with `group`, dashboards take the labels from it, and
// tests/unit/states.test.ts checks every table. Pure.
import { ActionError } from "@/lib/actions/errors";
import type { AuditAction } from "@/lib/audit/actions-catalog";

export type Tone = "stone" | "blue" | "amber" | "green" | "red";

export type StateSpec = {
  label: string;
  tone: Tone;
  /** Who holds the record in this state, in the users' words (shown under the step bar); none once it is over. */
  holder?: string;
};

export type TransitionSpec<S extends string, A extends string> = {
  label: string;
  from: readonly S[];
  /** The state it leads to; none for an operation that a state allows and that leaves the state as it is. */
  to?: S;
  /** The capacities in which a caller may make it (the permission table decides who holds each capacity). */
  by: readonly A[];
  /** What it writes to the audit log; none for a change of state made by the clock. */
  audit?: AuditAction;
  /** A text the transition asks for (the reasons of a return, a final summary), shown as a field before it is made. */
  needs?: { field: string; label: string };
  /** The message when the record is in another state (default: names the state and the transition). */
  refusal?: string;
};

type Spec<S extends string, A extends string, T extends Record<string, TransitionSpec<S, A>>, G extends string> = {
  /** The record kind, in Chinese ("进展报告"). */
  record: string;
  states: Record<S, StateSpec>;
  initial: S;
  /** Other states a record may be made in (a unit's claim of a topic is made as 已认领, 已投标, 已接受发包 or 不能承接). */
  created?: readonly NoInfer<S>[];
  /**
   * The step bar, in order. Each step lists the states that sit at it: the first names the step, the others are
   * detours shown in its place (a returned report sits at 已报送, a rejected project at 立项).
   */
  steps: readonly (readonly S[])[];
  transitions: T;
  /**
   * Named sets of states that the rest of the code asks about ("approvedStage": 已立项, 实施中, 已结项, 已终止), so that
   * no query, rule or page writes the same list of states again (decision 0097). Each names the states in table order.
   */
  groups?: Record<G, readonly NoInfer<S>[]>;
};

export type StepView = { label: string; status: "done" | "current" | "todo"; tone: Tone };

export type Machine<S extends string, A extends string, T extends Record<string, TransitionSpec<S, A>>, G extends string = never> = Spec<S, A, T, G> & {
  stateNames: S[];
  /** Each state's label, for the pages and exports that show a state by its name. */
  labels: Record<S, string>;
  groupNames: G[];
  /** The states of a named group, as a new array (Prisma's `in` and SQL's `= ANY` take it as it is). */
  group(name: G): S[];
  /** Whether the state belongs to the named group. */
  inGroup(name: G, state: S): boolean;
  transitionNames: (keyof T & string)[];
  label(state: S): string;
  tone(state: S): Tone;
  /** Why this caller may not make this transition now, or null. */
  problem(name: keyof T & string, state: S, actor: A): string | null;
  /** Throws the user-facing ActionError when the transition is not allowed. */
  assert(name: keyof T & string, state: S, actor: A): void;
  /** The transitions the caller may make from this state, in table order (a page's buttons). */
  available(state: S, actors: readonly A[]): (keyof T & string)[];
  /** The step bar for a record in this state. */
  progress(state: S): StepView[];
};

export function defineMachine<
  const S extends string,
  const A extends string,
  const T extends Record<string, TransitionSpec<S, A>>,
  const G extends string = never,
>(spec: Spec<S, A, T, G>): Machine<S, A, T, G> {
  const transitionNames = Object.keys(spec.transitions) as (keyof T & string)[];
  const problem = (name: keyof T & string, state: S, actor: A): string | null => {
    const transition: TransitionSpec<S, A> = spec.transitions[name];
    if (!transition.by.includes(actor)) return `无权“${transition.label}”`;
    if (!transition.from.includes(state)) return transition.refusal ?? `${spec.record}${spec.states[state].label}，不能“${transition.label}”`;
    return null;
  };
  return {
    ...spec,
    stateNames: Object.keys(spec.states) as S[],
    labels: Object.fromEntries(Object.entries<StateSpec>(spec.states).map(([state, { label }]) => [state, label])) as Record<S, string>,
    transitionNames,
    groupNames: Object.keys(spec.groups ?? {}) as G[],
    group: (name) => [...(spec.groups as Record<G, readonly S[]>)[name]],
    inGroup: (name, state) => (spec.groups as Record<G, readonly S[]>)[name].includes(state),
    label: (state) => spec.states[state].label,
    tone: (state) => spec.states[state].tone,
    problem,
    assert(name, state, actor) {
      const reason = problem(name, state, actor);
      if (reason) throw new ActionError(reason);
    },
    available: (state, actors) => transitionNames.filter((name) => actors.some((actor) => !problem(name, state, actor))),
    progress(state) {
      const at = spec.steps.findIndex((step) => step.includes(state));
      return spec.steps.map((step, index) => {
        const shown = index === at ? state : step[0];
        return {
          label: spec.states[shown].label,
          status: index < at ? "done" : index === at ? "current" : "todo",
          tone: index === at ? spec.states[state].tone : index < at ? "green" : "stone",
        };
      });
    },
  };
}

/** Any machine, for the registry and the tests that check every table. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds machines of different state and actor types.
export type AnyMachine = Machine<string, string, Record<string, TransitionSpec<any, any>>, string>;
