import { Badge } from "@/components/ui/page";
import type { PersonBidStatus } from "@/lib/generated/prisma/enums";
import { PERSON_BID_MACHINE } from "@/lib/topics/states";

export type ComparedBid = {
  id: string;
  person: string;
  unit: string;
  at: string;
  status: PersonBidStatus;
  statusLabel: string;
  approach: string;
  steps: string;
  expectedResults: string;
  decisionReason: string | null;
  defence: { count: number; score: number; rank: number; disagreement: boolean } | null;
};

function Result({ bid }: { bid: ComparedBid }) {
  return <Badge tone={PERSON_BID_MACHINE.tone(bid.status)}>{bid.status === "BID" ? "待评定" : bid.statusLabel}</Badge>;
}

function Defence({ bid }: { bid: ComparedBid }) {
  if (!bid.defence) return <span className="text-stone-400">—</span>;
  return (
    <span>
      第 {bid.defence.rank} 名 · {bid.defence.score.toFixed(2)} 分（{bid.defence.count} 位评审）
      {bid.defence.disagreement && (
        <span className="ml-1">
          <Badge tone="red">分歧较大</Badge>
        </span>
      )}
    </span>
  );
}

const ROWS: [string, (bid: ComparedBid) => React.ReactNode][] = [
  ["所在单位", (bid) => bid.unit],
  ["投标时间", (bid) => bid.at],
  ["工作思路", (bid) => bid.approach],
  ["实施步骤", (bid) => bid.steps],
  ["预期成效", (bid) => bid.expectedResults],
  ["答辩得分", (bid) => <Defence bid={bid} />],
  ["结果", (bid) => <Result bid={bid} />],
  ["评定意见", (bid) => bid.decisionReason ?? ""],
];

/** The person bids side by side: one column each on a desk, one card each on a phone. */
export function PersonBidComparison({ bids }: { bids: ComparedBid[] }) {
  if (bids.length === 0) return <p className="text-sm text-stone-500">尚无干部个人投标。</p>;
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-stone-200 md:block">
        <table className="table" aria-label="个人投标比较">
          <thead>
            <tr>
              <th className="w-24"></th>
              {bids.map((bid) => (
                <th key={bid.id} scope="col" className="min-w-56">
                  {bid.person}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row" className="text-stone-600">
                  {label}
                </th>
                {bids.map((bid) => (
                  <td key={bid.id} className="whitespace-pre-wrap break-words">
                    {cell(bid)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="个人投标">
        {bids.map((bid) => (
          <li key={bid.id} className="rounded-lg border border-stone-200 p-3 text-sm">
            <div className="mb-2 font-medium">{bid.person}</div>
            <dl className="grid grid-cols-[5rem_minmax(0,1fr)] gap-x-2 gap-y-1">
              {ROWS.map(([label, cell]) => (
                <div key={label} className="contents">
                  <dt className="text-stone-500">{label}</dt>
                  <dd className="whitespace-pre-wrap break-words">{cell(bid)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
