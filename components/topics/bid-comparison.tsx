"use client";

import { useRouter } from "next/navigation";
import { awardBids } from "@/lib/topics/actions";
import { formOnly, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Badge } from "@/components/ui/page";
import type { Tone } from "@/lib/states/machine";
import type { ClaimStatus } from "@/lib/topics/rules";

type Bid = {
  id: string;
  unit: string;
  status: ClaimStatus;
  statusLabel: string;
  /** The claim table's tone for the state, from the server: the table itself stays out of the browser's bundle. */
  statusTone: Tone;
  approach: string;
  people: string;
  timeline: string;
  decisionReason: string | null;
  at: string;
};

/** The bids side by side, one column each; the admin marks each awarded or not, with reasons. */
export function BidComparison({
  topic,
  bids,
  canAward,
  waiting,
}: {
  topic: { id: string; version: number };
  bids: Bid[];
  canAward: boolean;
  waiting: string | null;
}) {
  const router = useRouter();
  const form = useActionForm(awardBids, {
    // Two radios and a reason per bid, gathered into `decisions` (the service reports a missing reason under `reason_<bid>`).
    formOnly: formOnly<`award_${string}` | `reason_${string}`>(),
    transform: (_values, values) => ({
      topicId: topic.id,
      version: topic.version,
      decisions: bids
        .filter((bid) => bid.status === "BID")
        .map((bid) => ({ claimId: bid.id, awarded: values[`award_${bid.id}`] === "yes", reason: values[`reason_${bid.id}`] ?? "" })),
    }),
    onSuccess: () => router.refresh(),
  });
  if (bids.length === 0) return <p className="text-sm text-stone-500">尚无单位投标。</p>;
  const rows: [string, (bid: Bid) => React.ReactNode][] = [
    ["投标时间", (bid) => bid.at],
    ["实施思路", (bid) => bid.approach],
    ["人员安排", (bid) => bid.people],
    ["时间安排", (bid) => bid.timeline],
    ["结果", (bid) => <Badge tone={bid.statusTone}>{bid.status === "BID" ? "待评定" : bid.statusLabel}</Badge>],
  ];
  const decided = bids.some((bid) => bid.decisionReason);
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      {!canAward && waiting && bids.some((bid) => bid.status === "BID") && <p className="text-sm text-stone-600">{waiting}。</p>}
      <div className="overflow-x-auto rounded-lg border border-stone-200">
        <table className="table" aria-label="投标比较">
          <thead>
            <tr>
              <th className="w-24"></th>
              {bids.map((bid) => (
                <th key={bid.id} scope="col" className="min-w-56">
                  {bid.unit}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, cell]) => (
              <tr key={label}>
                <th scope="row" className="text-stone-600">
                  {label}
                </th>
                {bids.map((bid) => (
                  <td key={bid.id} className="whitespace-pre-wrap">
                    {cell(bid)}
                  </td>
                ))}
              </tr>
            ))}
            {decided && (
              <tr>
                <th scope="row" className="text-stone-600">
                  评标意见
                </th>
                {bids.map((bid) => (
                  <td key={bid.id} className="whitespace-pre-wrap">
                    {bid.decisionReason}
                  </td>
                ))}
              </tr>
            )}
            {canAward && (
              <tr>
                <th scope="row" className="text-stone-600">
                  评定
                </th>
                {bids.map((bid) => (
                  <td key={bid.id} data-field={`reason_${bid.id}`}>
                    {bid.status === "BID" && (
                      <fieldset className="space-y-2">
                        <legend className="sr-only">{bid.unit}的评定</legend>
                        <div className="flex gap-3 text-sm">
                          <label className="flex items-center gap-1">
                            <input type="radio" name={form.name(`award_${bid.id}`)} value="yes" aria-label={`${bid.unit}中标`} />
                            中标
                          </label>
                          <label className="flex items-center gap-1">
                            <input type="radio" name={form.name(`award_${bid.id}`)} value="no" defaultChecked aria-label={`${bid.unit}未中标`} />
                            未中标
                          </label>
                        </div>
                        <textarea
                          name={form.name(`reason_${bid.id}`)}
                          rows={3}
                          placeholder="评标意见（未中标必填，将告知该单位）"
                          aria-label={`${bid.unit}的评标意见`}
                          className="input"
                        />
                        {form.errorOf(`reason_${bid.id}`)?.map((message) => (
                          <p key={message} role="alert" className="text-sm text-red-600">
                            {message}
                          </p>
                        ))}
                      </fieldset>
                    )}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {canAward && (
        <Button type="submit" pending={form.pending}>
          确定评标结果
        </Button>
      )}
    </form>
  );
}
