"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmClear, reopenProblem, requestClear } from "@/lib/ledger/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** The keeper asks for 销号 with the evidence (files are uploaded above, before asking). */
export function RequestClearForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const form = useActionForm(requestClear, { with: { id, version }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <Field label="销号佐证" {...form.frame("evidence")} required hint="问题如何解决、有何凭据（文件、会议纪要、回访结果等）">
        <textarea {...form.field("evidence")} rows={4} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        申请销号
      </Button>
    </form>
  );
}

/** The confirmer clears the problem or sends the request back with a comment. */
export function ConfirmClearForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const action = useActionButton(confirmClear, () => router.refresh());
  return (
    <div className="space-y-3">
      <FormError message={action.error} />
      <Field label="意见（退回时必填）" {...action.frame("comment")}>
        <textarea id="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="input" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={action.pending} onClick={() => void action.run({ id, version, accept: true, comment })}>
          确认销号
        </Button>
        <Button type="button" variant="secondary" pending={action.pending} onClick={() => void action.run({ id, version, accept: false, comment })}>
          退回
        </Button>
      </div>
    </div>
  );
}

export function ReopenForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const form = useActionForm(reopenProblem, { with: { id, version }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <Field label="重新打开的原因" {...form.frame("reason")} required>
        <textarea {...form.field("reason")} rows={3} className="input" />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        重新打开
      </Button>
    </form>
  );
}
