"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { submitPersonBid, withdrawPersonBid } from "@/lib/topics/person-actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { PersonBidStatus } from "@/lib/generated/prisma/enums";

export type OwnPersonBid = {
  status: PersonBidStatus;
  statusLabel: string;
  version: number;
  approach: string;
  steps: string;
  expectedResults: string;
  decisionReason: string | null;
  at: string;
};

/** The caller's own bid in their own name: the form while bidding is open, then the bid and its result. */
export function PersonBidPanel({ topicId, open, bid, projectHref }: { topicId: string; open: boolean; bid: OwnPersonBid | null; projectHref: string | null }) {
  const [editing, setEditing] = useState(false);
  if (bid && (bid.status === "AWARDED" || bid.status === "NOT_AWARDED" || !open)) {
    return (
      <div className="space-y-3">
        <BidSummary bid={bid} extra={bid.status === "BID" ? "投标已截止，等待答辩和评定结果。" : undefined} />
        {bid.status === "AWARDED" && projectHref && (
          <Link href={projectHref} className="link text-sm">
            查看由我牵头的项目
          </Link>
        )}
      </div>
    );
  }
  if (!open) return <p className="text-sm text-stone-600">个人投标已截止，您未参与该选题。</p>;
  if (bid && bid.status === "BID" && !editing) return <BidView topicId={topicId} bid={bid} onEdit={() => setEditing(true)} />;
  return <BidForm topicId={topicId} bid={bid} onDone={() => setEditing(false)} />;
}

function BidSummary({ bid, extra }: { bid: OwnPersonBid; extra?: string }) {
  return (
    <div className="space-y-2 text-sm" data-testid="own-person-bid">
      <p>
        我的个人投标 <strong>{bid.statusLabel}</strong>（{bid.at}）
      </p>
      <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-stone-500">工作思路</dt>
        <dd className="whitespace-pre-wrap break-words">{bid.approach}</dd>
        <dt className="text-stone-500">实施步骤</dt>
        <dd className="whitespace-pre-wrap break-words">{bid.steps}</dd>
        <dt className="text-stone-500">预期成效</dt>
        <dd className="whitespace-pre-wrap break-words">{bid.expectedResults}</dd>
      </dl>
      {bid.decisionReason && <p className="whitespace-pre-wrap">评定意见：{bid.decisionReason}</p>}
      {extra && <p className="text-stone-600">{extra}</p>}
    </div>
  );
}

function BidView({ topicId, bid, onEdit }: { topicId: string; bid: OwnPersonBid; onEdit: () => void }) {
  const router = useRouter();
  const withdraw = useActionButton(withdrawPersonBid, () => router.refresh());
  return (
    <div className="space-y-3">
      <BidSummary bid={bid} extra="截止前可以修改或撤回；截止后由管理员比较各投标，可组织答辩后评定。" />
      <FormError message={withdraw.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={onEdit}>
          修改投标
        </Button>
        <Button
          type="button"
          variant="danger"
          pending={withdraw.pending}
          onClick={() => {
            if (!window.confirm("确定撤回个人投标吗？截止前可以重新投标。")) return;
            withdraw.run({ topicId, version: bid.version });
          }}
        >
          撤回投标
        </Button>
      </div>
    </div>
  );
}

function BidForm({ topicId, bid, onDone }: { topicId: string; bid: OwnPersonBid | null; onDone: () => void }) {
  const router = useRouter();
  const form = useActionForm(submitPersonBid, {
    with: { topicId, version: bid?.version },
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-2xl space-y-3" aria-label="个人投标">
      {/* Field ids differ from the unit's bid form on the same page (实施思路 is "approach" there). */}
      <p className="text-sm text-stone-600">以本人名义投标，每人一份，截止前可修改、撤回。中标后由本人牵头实施该项目。</p>
      {bid?.status === "WITHDRAWN" && <p className="text-sm text-amber-700">您已撤回投标，可以修改后重新提交。</p>}
      <FormError message={form.formError} />
      <Field label="工作思路" {...form.frame("approach", { id: "personApproach" })} required hint="怎么想：问题在哪里、破题的思路和创新点">
        <textarea {...form.field("approach", { id: "personApproach" })} rows={4} defaultValue={bid?.approach ?? ""} className="input" />
      </Field>
      <Field label="实施步骤" {...form.frame("steps", { id: "personSteps" })} required hint="怎么干：分几步、每步做什么、什么时候完成">
        <textarea {...form.field("steps", { id: "personSteps" })} rows={4} defaultValue={bid?.steps ?? ""} className="input" />
      </Field>
      <Field label="预期成效" {...form.frame("expectedResults", { id: "personExpectedResults" })} required hint="干成什么样：可检验的成果">
        <textarea {...form.field("expectedResults", { id: "personExpectedResults" })} rows={3} defaultValue={bid?.expectedResults ?? ""} className="input" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {bid?.status === "BID" ? "保存修改" : "提交个人投标"}
        </Button>
        {bid?.status === "BID" && (
          <Button type="button" variant="secondary" onClick={onDone}>
            取消
          </Button>
        )}
      </div>
    </form>
  );
}
