"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { createConsultation, recordFollowUp } from "@/lib/consultations/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function ConsultationForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(createConsultation, {
    with: { projectId },
    onSuccess: () => {
      ref.current?.reset();
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  const area = (name: string, label: string, rows = 2) => (
    <Field label={label} name={name} errors={e[name]} required>
      <textarea id={name} name={name} rows={rows} className="input" aria-invalid={Boolean(e[name])} />
    </Field>
  );
  return (
    <form ref={ref} onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="会诊时间" name="heldAt" errors={e.heldAt} required>
          <input id="heldAt" name="heldAt" type="datetime-local" className="input" aria-invalid={Boolean(e.heldAt)} />
        </Field>
        <Field label="参加人员" name="participants" errors={e.participants} required>
          <input id="participants" name="participants" className="input" aria-invalid={Boolean(e.participants)} />
        </Field>
      </div>
      {area("problems", "存在问题")}
      {area("causes", "原因分析")}
      {area("countermeasures", "对策措施", 3)}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="跟进责任人" name="followUpBy" errors={e.followUpBy} required>
          <input id="followUpBy" name="followUpBy" className="input" aria-invalid={Boolean(e.followUpBy)} />
        </Field>
        <Field label="跟进期限" name="followUpDue" errors={e.followUpDue} required>
          <input id="followUpDue" name="followUpDue" type="datetime-local" className="input" aria-invalid={Boolean(e.followUpDue)} />
        </Field>
      </div>
      <Button type="submit" pending={form.pending}>
        记录会诊
      </Button>
    </form>
  );
}

export function FollowUpForm({ consultation }: { consultation: { id: string; version: number } }) {
  const router = useRouter();
  const form = useActionForm(recordFollowUp, { with: { ...consultation }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2">
      <FormError message={form.formError} />
      <Field label="跟进结果" name={`followUpResult`} errors={form.fieldErrors.followUpResult}>
        <textarea id="followUpResult" name="followUpResult" rows={2} className="input" />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        记录跟进结果
      </Button>
    </form>
  );
}
