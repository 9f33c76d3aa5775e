"use client";

import { useRouter } from "next/navigation";
import { awardPersonBids } from "@/lib/topics/person-actions";
import { formOnly, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type OpenBid = { id: string; person: string; unit: string; rank: number | null };

/** Awards the topic to one person; every other bidder is told why not. */
export function PersonAwardForm({ topic, bids }: { topic: { id: string; version: number }; bids: OpenBid[] }) {
  const router = useRouter();
  const form = useActionForm(awardPersonBids, {
    // The winner's radio and one reason per bid, gathered into `decisions` (the service reports a missing reason under `reason_<bid>`).
    formOnly: formOnly<"winner" | `reason_${string}`>(),
    transform: (_values, raw) => ({
      topicId: topic.id,
      version: topic.version,
      decisions: bids.map((bid) => ({ bidId: bid.id, awarded: raw.winner === bid.id, reason: raw[`reason_${bid.id}`] ?? "" })),
    }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="评定个人投标">
      <FormError message={form.formError} />
      <fieldset className="space-y-3">
        <legend className="text-sm text-stone-600">选择一名中标人（中标后由其牵头实施，系统为其所在单位建立项目申报书草稿）；未中标的须写明理由。</legend>
        {bids.map((bid) => (
          <div key={bid.id} className="rounded-lg border border-stone-200 p-3" data-field={`reason_${bid.id}`}>
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="radio" name={form.name("winner")} value={bid.id} aria-label={`${bid.person}中标`} />
              {bid.person}（{bid.unit}）{bid.rank !== null && <span className="font-normal text-stone-500">答辩第 {bid.rank} 名</span>}
            </label>
            <textarea
              name={form.name(`reason_${bid.id}`)}
              rows={2}
              placeholder="评定意见（未中标必填，将告知投标人）"
              aria-label={`${bid.person}的评定意见`}
              className="input mt-2"
            />
            {form.errorOf(`reason_${bid.id}`)?.map((message) => (
              <p key={message} role="alert" className="text-sm text-red-600">
                {message}
              </p>
            ))}
          </div>
        ))}
      </fieldset>
      <Button type="submit" pending={form.pending}>
        确定中标人
      </Button>
    </form>
  );
}
