"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { markResearchProposal, reviewResearchTopic, startResearch } from "@/lib/research/actions";
import { MARK_LABELS } from "@/lib/research/rules";
import { useActionButton } from "@/components/forms/use-action-form";

/** The schema's choices of 采纳情况. */
type Mark = Parameters<typeof markResearchProposal>[0]["mark"];
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions } from "@/components/ui/field";

/** The team's 开始调研. */
export function StartButton({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const action = useActionButton(startResearch, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Button type="button" pending={action.pending} onClick={() => void action.run({ id, version })}>
        开始调研
      </Button>
    </div>
  );
}

/** The section head's decision on a submitted report: 结题, or 退回 with a comment. */
export function ReviewForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const action = useActionButton(reviewResearchTopic, () => router.refresh());
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <FormError message={action.error} />
      <Field label="审核意见（退回时必填）" {...action.frame("comment")}>
        <textarea id="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="input" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={action.pending} onClick={() => void action.run({ id, version, accept: true, comment })}>
          结题
        </Button>
        <Button type="button" variant="secondary" pending={action.pending} onClick={() => void action.run({ id, version, accept: false, comment })}>
          退回
        </Button>
      </div>
    </div>
  );
}

/** A leader's marking of one proposal; the admin also names the leader whose decision it records. */
export function MarkForm({
  proposal,
  onBehalf,
}: {
  proposal: { id: string; seq: number; version: number; mark: Mark | null; markNote: string | null; leaderName: string | null };
  onBehalf: boolean;
}) {
  const router = useRouter();
  const [mark, setMark] = useState<Mark | "">(proposal.mark ?? "");
  const [note, setNote] = useState(proposal.markNote ?? "");
  const [leaderName, setLeaderName] = useState(onBehalf ? (proposal.leaderName ?? "") : "");
  const action = useActionButton(markResearchProposal, () => router.refresh());
  const prefix = `p${proposal.seq}`;
  return (
    <form
      aria-label={`批示建议${proposal.seq}`}
      onSubmit={(e) => {
        e.preventDefault();
        // "请选择" sends the empty choice as it is: the schema refuses it with its own message, beside the field.
        void action.run({ proposalId: proposal.id, version: proposal.version, mark: mark as Mark, note, leaderName });
      }}
      noValidate
      className="mt-2 space-y-2 rounded-md bg-stone-50 p-3"
    >
      <FormError message={action.error} />
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label="采纳情况" {...action.frame("mark", { id: `${prefix}-mark` })}>
          <select {...action.control("mark", { id: `${prefix}-mark` })} value={mark} onChange={(e) => setMark(e.target.value as Mark | "")} className="input">
            <LabelOptions labels={MARK_LABELS} empty="请选择" />
          </select>
        </Field>
        {onBehalf && (
          <Field label="批示领导" {...action.frame("leaderName", { id: `${prefix}-leader` })}>
            <input
              {...action.control("leaderName", { id: `${prefix}-leader` })}
              value={leaderName}
              onChange={(e) => setLeaderName(e.target.value)}
              className="input"
            />
          </Field>
        )}
      </div>
      <Field label="批示意见" {...action.frame("note", { id: `${prefix}-note` })}>
        <textarea {...action.control("note", { id: `${prefix}-note` })} rows={2} value={note} onChange={(e) => setNote(e.target.value)} className="input" />
      </Field>
      <Button type="submit" variant="secondary" pending={action.pending}>
        {proposal.mark ? "修改批示" : "保存批示"}
      </Button>
    </form>
  );
}
