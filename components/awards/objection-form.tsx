"use client";

import { useState } from "react";
import { raiseObjection } from "@/lib/awards/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { BotGuard, type Challenge } from "@/components/forms/bot-guard";

type Entry = { id: string; label: string };

/** 异议 on a running 公示: anyone may send one; the receipt is all that stays on the screen afterwards. */
export function ObjectionForm({ campaignId, entries, challenge: initialChallenge }: { campaignId: string; entries: Entry[]; challenge: Challenge }) {
  const [challenge, setChallenge] = useState(initialChallenge);
  // A new question replaces an expired or used one without touching what was typed.
  const [receipt, setReceipt] = useState<string>();
  const form = useActionForm(raiseObjection, {
    transform: (values) => ({ ...values, campaignId, nominationId: values.nominationId || undefined, challengeToken: challenge.token }),
    onSuccess: (data) => setReceipt((data as { id: string }).id),
  });

  if (receipt) {
    return (
      <Notice tone="success">
        <p>已收到您的异议，受理编号：</p>
        <p data-testid="objection-receipt" className="my-2 font-mono text-2xl font-semibold tracking-wider">
          {receipt}
        </p>
        <p>我们将调查核实，并通过您留下的联系方式答复。</p>
      </Notice>
    );
  }

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" aria-label="提出异议">
      <FormError message={form.formError} />
      <Field label="异议对象" {...form.frame("nominationId")}>
        <select {...form.field("nominationId")} defaultValue="" className="input">
          <option value="">整体名单</option>
          {entries.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="异议内容" {...form.frame("content")} hint="请写明具体事实和线索，至少 10 个字" required>
        <textarea {...form.field("content")} rows={6} maxLength={2000} className="input" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="联系人" {...form.frame("contactName")} required>
          <input {...form.field("contactName")} autoComplete="name" maxLength={20} className="input" />
        </Field>
        <Field label="联系电话" {...form.frame("contactPhone")} hint="便于核实情况和答复" required>
          <input {...form.field("contactPhone")} type="tel" inputMode="tel" autoComplete="tel" className="input" />
        </Field>
      </div>
      <BotGuard challenge={challenge} onChallenge={setChallenge} form={form} />
      <Button type="submit" pending={form.pending}>
        提交异议
      </Button>
    </form>
  );
}
