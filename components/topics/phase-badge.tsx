import { Badge } from "@/components/ui/page";
import { PHASE_LABELS, type TopicPhase } from "@/lib/topics/rules";

const TONES: Record<TopicPhase, "stone" | "green" | "amber" | "red"> = { draft: "amber", open: "green", closed: "stone", withdrawn: "red" };

export function PhaseBadge({ phase }: { phase: TopicPhase }) {
  return <Badge tone={TONES[phase]}>{PHASE_LABELS[phase]}</Badge>;
}
