import type { LedgerStatus } from "@/lib/generated/prisma/enums";
import { LEDGER_MACHINE } from "@/lib/ledger/states";
import { daysOverdue } from "@/lib/ledger/rules";
import { Badge } from "@/components/ui/page";

export function LedgerBadge({ problem, now }: { problem: { status: LedgerStatus; targetDate: Date }; now: Date }) {
  const late = daysOverdue(problem, now);
  return (
    <>
      <Badge tone={LEDGER_MACHINE.tone(problem.status)}>{LEDGER_MACHINE.label(problem.status)}</Badge>
      {late > 0 && (
        <span className="ml-1">
          <Badge tone="red">逾期 {late} 天</Badge>
        </span>
      )}
    </>
  );
}
