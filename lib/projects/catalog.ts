// The states of projects, from the one state table; the vocabulary of the proposal form (lib/projects/proposal-catalog.ts) re-exported. Pure.
import { PROJECT_MACHINE } from "@/lib/projects/states";
import { InnovationKind, ProjectState, TenMethod } from "@/lib/generated/prisma/enums";

export { InnovationKind, ProjectState, TenMethod };
export * from "@/lib/projects/proposal-catalog";

/** The states' names, from the one state table (lib/projects/states.ts). */
export const STATE_LABELS = Object.fromEntries(Object.entries(PROJECT_MACHINE.states).map(([state, spec]) => [state, spec.label])) as Record<
  ProjectState,
  string
>;
export const PROJECT_STATES = Object.values(ProjectState) as ProjectState[];

/** States in which the unit may edit its proposal. */
export const EDITABLE_STATES = PROJECT_MACHINE.group("editable");
