"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createConsultation, recordFollowUp } from "@/lib/consultations/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/**
 * «发起会诊» where staff look for it (the project's 办理 area): a button that opens the consultation form in
 * place and closes it once the 会诊 is recorded (issue 20 point 2).
 */
export function ConsultationLauncher({ projectId }: { projectId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      <Button type="button" variant={open ? "secondary" : "primary"} aria-expanded={open} aria-controls="consultation-form" onClick={() => setOpen(!open)}>
        {open ? "收起会诊表" : "发起会诊"}
      </Button>
      {open && (
        <section id="consultation-form" aria-label="发起会诊" className="rounded border border-amber-200 bg-amber-50/40 p-3">
          <p className="mb-2 text-sm text-stone-600">记录会诊的问题、原因和对策，并指定跟进责任人和期限；记录后列入本项目的会诊记录和进程。</p>
          <ConsultationForm projectId={projectId} onDone={() => setOpen(false)} />
        </section>
      )}
    </div>
  );
}

export function ConsultationForm({ projectId, onDone }: { projectId: string; onDone?: () => void }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(createConsultation, {
    with: { projectId },
    onSuccess: () => {
      ref.current?.reset();
      onDone?.();
      router.refresh();
    },
  });
  const area = (name: Parameters<typeof form.field>[0], label: string, rows = 2) => (
    <Field label={label} {...form.frame(name)} required>
      <textarea {...form.field(name)} rows={rows} className="input" />
    </Field>
  );
  return (
    <form ref={ref} onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="会诊时间" {...form.frame("heldAt")} required>
          <input {...form.field("heldAt")} type="datetime-local" className="input" />
        </Field>
        <Field label="参加人员" {...form.frame("participants")} required>
          <input {...form.field("participants")} className="input" />
        </Field>
      </div>
      {area("problems", "存在问题")}
      {area("causes", "原因分析")}
      {area("countermeasures", "对策措施", 3)}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="跟进责任人" {...form.frame("followUpBy")} required>
          <input {...form.field("followUpBy")} className="input" />
        </Field>
        <Field label="跟进期限" {...form.frame("followUpDue")} required>
          <input {...form.field("followUpDue")} type="datetime-local" className="input" />
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
      <Field label="跟进结果" {...form.frame("followUpResult")}>
        <textarea {...form.field("followUpResult")} rows={2} className="input" />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        记录跟进结果
      </Button>
    </form>
  );
}
