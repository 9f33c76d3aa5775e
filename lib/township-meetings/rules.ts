// Which projects a township's shared practice may name: its own, actually under way or done, and recent.
import { PROJECT_MACHINE } from "@/lib/projects/states";

/** Approved and not terminated (the project table's `approvedStanding`). */
export const SHAREABLE_STATES = PROJECT_MACHINE.group("approvedStanding");

/** A practice is shared while it runs or soon after: the meeting's year and the two before it. */
export const SHAREABLE_YEARS_BACK = 2;

export function shareableYears(meetingYear: number): number[] {
  return Array.from({ length: SHAREABLE_YEARS_BACK + 1 }, (_, index) => meetingYear - index);
}
