"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { markProject, revokeMark } from "@/lib/promotion/actions";
import { MARK_LABELS } from "@/lib/promotion/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions } from "@/components/ui/field";

export function MarkForm({ projectId, today }: { projectId: string; today: string }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(markProject, {
    with: { projectId },
    onSuccess: () => {
      ref.current?.reset();
      router.refresh();
    },
  });
  return (
    <form ref={ref} onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="认定品牌精品示范">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="认定类型" {...form.frame("mark")} required>
          <select {...form.field("mark")} defaultValue="" className="input">
            <LabelOptions labels={MARK_LABELS} empty="请选择" />
          </select>
        </Field>
        <Field label="认定日期" {...form.frame("decidedOn")} required>
          <input {...form.field("decidedOn")} type="date" max={today} defaultValue={today} className="input" />
        </Field>
      </div>
      <Field label="认定理由" {...form.frame("reason")} required hint="如部务会研究意见、主要成效和推广价值">
        <textarea {...form.field("reason")} rows={3} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        认定
      </Button>
    </form>
  );
}

export function RevokeMarkForm({ markId, label }: { markId: string; label: string }) {
  const router = useRouter();
  const form = useActionForm(revokeMark, { with: { id: markId }, onSuccess: () => router.refresh() });
  const id = `revokeReason-${markId}`;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2" aria-label={`撤销${label}认定`}>
      <FormError message={form.formError} />
      <Field label="撤销理由" {...form.frame("revokeReason", { id })} required>
        <textarea {...form.field("revokeReason", { id })} rows={2} className="input" />
      </Field>
      <Button type="submit" variant="danger" pending={form.pending}>
        撤销认定
      </Button>
    </form>
  );
}
