"use client";

import Link from "next/link";
import { useState } from "react";
import { submitSuggestion } from "@/lib/suggestions/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions, Notice } from "@/components/ui/field";
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";
import { CATEGORY_LABELS, CONTENT_MAX } from "@/lib/suggestions/categories";
import { BotGuard, type Challenge } from "@/components/forms/bot-guard";

type Aspect = { id: string; category: SuggestionCategory; name: string };

export function SuggestionForm({
  aspects,
  challenge: initialChallenge,
  signedInAs,
}: {
  aspects: Aspect[];
  challenge: Challenge | null;
  signedInAs: string | null;
}) {
  const [category, setCategory] = useState<SuggestionCategory | "">("");
  const [challenge, setChallenge] = useState(initialChallenge);
  // A new question replaces an expired or used one without touching what was typed.
  const [length, setLength] = useState(0);
  const [receipt, setReceipt] = useState<string>();
  const form = useActionForm(submitSuggestion, {
    with: { challengeToken: challenge?.token },
    onSuccess: (data) => setReceipt((data as { receiptNo: string }).receiptNo),
  });

  if (receipt) {
    return (
      <div className="space-y-3">
        <Notice tone="success">
          <p>感谢您的意见建议！您的回执号是：</p>
          <p data-testid="receipt-no" className="my-2 font-mono text-2xl font-semibold tracking-wider">
            {receipt}
          </p>
          <p>请记下回执号，凭它可随时查看处理情况和答复。</p>
        </Notice>
        <div className="flex flex-wrap gap-4 text-sm">
          <Link className="link" href={`/suggest/lookup?receipt=${receipt}`}>
            查看处理情况
          </Link>
          <a className="link" href="/suggest">
            再提一条
          </a>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      {signedInAs && <p className="text-sm text-stone-600">以“{signedInAs}”的名义提交，处理结果也会显示在这里。</p>}
      <FormError message={form.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="类别" {...form.frame("category")} required>
          <select {...form.field("category")} value={category} onChange={(event) => setCategory(event.target.value as SuggestionCategory)} className="input">
            <LabelOptions labels={CATEGORY_LABELS} empty="请选择" emptyDisabled />
          </select>
        </Field>
        <Field label="方面" {...form.frame("aspectId")} required>
          <select {...form.field("aspectId")} defaultValue="" key={category} disabled={!category} className="input">
            <option value="" disabled>
              {category ? "请选择" : "先选择类别"}
            </option>
            {aspects
              .filter((aspect) => aspect.category === category)
              .map((aspect) => (
                <option key={aspect.id} value={aspect.id}>
                  {aspect.name}
                </option>
              ))}
          </select>
        </Field>
      </div>
      <Field label="意见建议" {...form.frame("content")} hint={`${length}/${CONTENT_MAX} 字，至少 10 个字`} required>
        <textarea {...form.field("content")} rows={7} maxLength={CONTENT_MAX} onChange={(event) => setLength(event.target.value.length)} className="input" />
      </Field>
      {!signedInAs && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="姓名（可不填）" {...form.frame("submitterName")}>
            <input {...form.field("submitterName")} autoComplete="name" className="input" />
          </Field>
          <Field label="联系方式（可不填）" {...form.frame("contact")} hint="电话或邮箱，便于我们进一步了解情况">
            <input {...form.field("contact")} className="input" />
          </Field>
        </div>
      )}
      <BotGuard challenge={challenge} onChallenge={setChallenge} form={form} />
      <Button type="submit" pending={form.pending}>
        提交建议
      </Button>
    </form>
  );
}
