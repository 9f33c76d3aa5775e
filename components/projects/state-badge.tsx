import { Badge } from "@/components/ui/page";
import { STATE_LABELS, type ProjectState } from "@/lib/projects/catalog";

const TONES: Record<ProjectState, "stone" | "green" | "amber" | "red" | "blue"> = {
  DRAFT: "stone",
  SUBMITTED: "blue",
  RETURNED: "amber",
  IN_HEARING: "blue",
  APPROVED: "green",
  REVISE: "amber",
  REJECTED: "red",
  IN_PROGRESS: "green",
  COMPLETED: "green",
  TERMINATED: "red",
};

export function StateBadge({ state }: { state: ProjectState }) {
  return <Badge tone={TONES[state]}>{STATE_LABELS[state]}</Badge>;
}
