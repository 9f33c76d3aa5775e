"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { closeClaims, withdrawTopic } from "@/lib/topics/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** Withdrawing a topic or closing its claims early: both need a reason, kept on the record. */
export function TopicAdminActions({ topic }: { topic: { id: string; version: number; code: string; canClose: boolean } }) {
  const router = useRouter();
  const reason = useRef<HTMLTextAreaElement>(null);
  const withdraw = useActionButton(withdrawTopic, () => router.refresh());
  const close = useActionButton(closeClaims, () => router.refresh());
  const input = () => ({ id: topic.id, version: topic.version, reason: reason.current?.value ?? "" });
  const errors = [...(withdraw.fieldErrors.reason ?? []), ...(close.fieldErrors.reason ?? [])];
  return (
    <div className="max-w-xl space-y-3">
      <FormError message={withdraw.error ?? close.error} />
      <Field
        label="理由"
        {...withdraw.frame("reason", { id: "adminReason" })}
        errors={errors}
        hint="撤回或提前截止认领时必填；撤回后选题仍保留，已认领、投标的单位会收到通知"
      >
        <textarea ref={reason} id="adminReason" name="adminReason" rows={2} className="input" aria-invalid={errors.length > 0} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {topic.canClose && (
          <Button type="button" variant="secondary" pending={close.pending} onClick={() => close.run(input())}>
            提前截止认领
          </Button>
        )}
        <Button
          type="button"
          variant="danger"
          pending={withdraw.pending}
          onClick={() => {
            if (!window.confirm(`确定撤回选题 ${topic.code} 吗？`)) return;
            withdraw.run(input());
          }}
        >
          撤回选题
        </Button>
      </div>
    </div>
  );
}
