import { Badge } from "@/components/ui/page";
import { CELL_LABELS, CELL_TONES, type PracticeCell } from "@/lib/practice/periods";

export function PracticeBadge({ cell, late }: { cell: PracticeCell; late?: boolean }) {
  return (
    <>
      <Badge tone={CELL_TONES[cell]}>{CELL_LABELS[cell]}</Badge>
      {late && cell !== "overdue" && <span className="ml-1 text-xs text-red-700">逾期提交</span>}
    </>
  );
}
