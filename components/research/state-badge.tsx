import type { ResearchState } from "@/lib/generated/prisma/enums";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { Badge } from "@/components/ui/page";

export function ResearchBadge({ state }: { state: ResearchState }) {
  return <Badge tone={RESEARCH_MACHINE.tone(state)}>{RESEARCH_MACHINE.label(state)}</Badge>;
}
