import { Badge } from "@/components/ui/page";
import type { ProjectState } from "@/lib/projects/catalog";
import { PROJECT_MACHINE } from "@/lib/projects/states";

export function StateBadge({ state }: { state: ProjectState }) {
  return <Badge tone={PROJECT_MACHINE.tone(state)}>{PROJECT_MACHINE.label(state)}</Badge>;
}
