"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { answerAssignment, submitBid, takeTopic } from "@/lib/topics/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { ClaimMode, ClaimStatus } from "@/lib/topics/rules";

type Claim = {
  status: ClaimStatus;
  statusLabel: string;
  version: number;
  approach: string | null;
  people: string | null;
  timeline: string | null;
  note: string | null;
  decisionReason: string | null;
  at: string;
};
type Topic = { id: string; claimMode: ClaimMode; open: boolean; assignedHere: boolean };

/** What the caller's unit can do with a topic, by its claim mode and the unit's own claim. */
export function ClaimPanel({ topic, claim }: { topic: Topic; claim: Claim | null }) {
  if (topic.claimMode === "OPEN") return claim ? <ClaimSummary claim={claim} /> : topic.open ? <TakeForm topicId={topic.id} /> : <Closed />;
  if (topic.claimMode === "BIDDING") {
    if (claim && claim.status !== "BID") return <ClaimSummary claim={claim} />;
    if (!topic.open) return claim ? <ClaimSummary claim={claim} extra="投标已截止，等待评标结果。" /> : <Closed />;
    return <BidForm topicId={topic.id} bid={claim} />;
  }
  if (!topic.assignedHere) return <p className="text-sm text-stone-600">该选题已发包给其他单位。</p>;
  return claim ? <ClaimSummary claim={claim} /> : topic.open ? <AnswerForm topicId={topic.id} /> : <Closed />;
}

function Closed() {
  return <p className="text-sm text-stone-600">认领已截止，本单位未参与该选题。</p>;
}

function ClaimSummary({ claim, extra }: { claim: Claim; extra?: string }) {
  return (
    <div className="space-y-2 text-sm" data-testid="own-claim">
      <p>
        本单位 <strong>{claim.statusLabel}</strong>（{claim.at}）
      </p>
      {claim.approach && <PlanView claim={claim} />}
      {claim.note && <p className="whitespace-pre-wrap text-stone-700">说明：{claim.note}</p>}
      {claim.decisionReason && <p className="whitespace-pre-wrap">评标意见：{claim.decisionReason}</p>}
      {extra && <p className="text-stone-600">{extra}</p>}
    </div>
  );
}

function PlanView({ claim }: { claim: Pick<Claim, "approach" | "people" | "timeline"> }) {
  return (
    <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1">
      <dt className="text-stone-500">实施思路</dt>
      <dd className="whitespace-pre-wrap">{claim.approach}</dd>
      <dt className="text-stone-500">人员安排</dt>
      <dd className="whitespace-pre-wrap">{claim.people}</dd>
      <dt className="text-stone-500">时间安排</dt>
      <dd className="whitespace-pre-wrap">{claim.timeline}</dd>
    </dl>
  );
}

function TakeForm({ topicId }: { topicId: string }) {
  const router = useRouter();
  const form = useActionForm(takeTopic, { with: { topicId }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-3">
      <FormError message={form.formError} />
      <Field label="认领说明" {...form.frame("note")} hint="选填：本单位的打算、牵头人等">
        <textarea {...form.field("note")} rows={2} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        认领该选题
      </Button>
    </form>
  );
}

function BidForm({ topicId, bid }: { topicId: string; bid: Claim | null }) {
  const router = useRouter();
  const [editing, setEditing] = useState(!bid);
  const form = useActionForm(submitBid, {
    with: { topicId, version: bid?.version },
    onSuccess: () => {
      setEditing(false);
      router.refresh();
    },
  });
  if (!editing && bid)
    return (
      <div className="space-y-3">
        <ClaimSummary claim={bid} extra="截止前可以修改投标；截止后由管理员比较各单位投标并评定。" />
        <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
          修改投标
        </Button>
      </div>
    );
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-2xl space-y-3">
      <p className="text-sm text-stone-600">投标须在截止时间前提交，每个单位一份，截止前可修改。</p>
      <FormError message={form.formError} />
      <Field label="实施思路" {...form.frame("approach")} required hint="怎么做：主要措施、创新点">
        <textarea {...form.field("approach")} rows={4} defaultValue={bid?.approach ?? ""} className="input" />
      </Field>
      <Field label="人员安排" {...form.frame("people")} required hint="牵头领导、责任人和工作力量">
        <textarea {...form.field("people")} rows={2} defaultValue={bid?.people ?? ""} className="input" />
      </Field>
      <Field label="时间安排" {...form.frame("timeline")} required hint="主要节点和完成时间">
        <textarea {...form.field("timeline")} rows={3} defaultValue={bid?.timeline ?? ""} className="input" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {bid ? "保存修改" : "提交投标"}
        </Button>
        {bid && (
          <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
            取消
          </Button>
        )}
      </div>
    </form>
  );
}

function AnswerForm({ topicId }: { topicId: string }) {
  const router = useRouter();
  const note = useRef<HTMLTextAreaElement>(null);
  const action = useActionButton(answerAssignment, () => router.refresh());
  const run = (accept: boolean) => action.run({ topicId, accept, note: note.current?.value ?? "" });
  return (
    <div className="max-w-xl space-y-3">
      <p className="text-sm">该选题发包给本单位，请在截止时间前答复。</p>
      <FormError message={action.error} />
      <Field label="说明" {...action.frame("note")} hint="不能承接时必须说明原因">
        <textarea ref={note} {...action.field("note")} rows={3} className="input" />
      </Field>
      <div className="flex gap-2">
        <Button type="button" pending={action.pending} onClick={() => run(true)}>
          接受发包
        </Button>
        <Button type="button" variant="danger" pending={action.pending} onClick={() => run(false)}>
          不能承接
        </Button>
      </div>
    </div>
  );
}
