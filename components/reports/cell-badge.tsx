import { Badge } from "@/components/ui/page";
import { CELL_LABELS, type CellStatus } from "@/lib/reports/quarters";

const TONES: Record<CellStatus, "stone" | "green" | "amber" | "red" | "blue"> = {
  none: "stone",
  upcoming: "stone",
  due: "amber",
  submitted: "blue",
  late: "red",
  missing: "red",
  returned: "amber",
  accepted: "green",
};

export function CellBadge({ status }: { status: CellStatus }) {
  return <Badge tone={TONES[status]}>{CELL_LABELS[status]}</Badge>;
}
