"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateYear } from "@/lib/years/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { WINDOW_KINDS, WINDOW_LABELS, type WindowKind } from "@/lib/years/windows";

type Props = { year: { id: string; version: number; year: number; note: string | null }; windows: Partial<Record<WindowKind, { start: string; end: string }>> };

export function YearWindowsForm({ year, windows }: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(updateYear, {
    with: { id: year.id, version: year.version },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4" onChange={() => setSaved(false)}>
      <FormError message={form.formError} />
      {saved && <Notice tone="success">已保存。</Notice>}
      {/* One block per window: three columns on a desk, stacked on a phone. */}
      <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
        {WINDOW_KINDS.map((kind) => (
          <li key={kind} className="grid gap-3 p-3 md:grid-cols-[1fr_15rem_15rem] md:items-start">
            <div>
              <div className="font-medium">{WINDOW_LABELS[kind].label}</div>
              <div className="text-xs text-stone-500">{WINDOW_LABELS[kind].hint}</div>
            </div>
            <Field label="开始时间" {...form.frame(`${kind}_start`)}>
              <input {...form.field(`${kind}_start`)} type="datetime-local" defaultValue={windows[kind]?.start} className="input" />
            </Field>
            <Field label="截止时间" {...form.frame(`${kind}_end`)} required>
              <input {...form.field(`${kind}_end`)} type="datetime-local" defaultValue={windows[kind]?.end} className="input" />
            </Field>
          </li>
        ))}
      </ol>
      <Field label="备注" {...form.frame("note")}>
        <textarea {...form.field("note")} rows={2} defaultValue={year.note ?? ""} className="input" />
      </Field>
      <p className="text-xs text-stone-500">时间按北京时间填写；截止以服务器时间为准，单位端显示倒计时。</p>
      <Button type="submit" pending={form.pending}>
        保存时间安排
      </Button>
    </form>
  );
}
