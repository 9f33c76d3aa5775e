"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { recordAdoption, updateAdoption } from "@/lib/promotion/actions";
import { type FieldHelpers, useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

/** Held events the unit took part in, that an adoption may name (lib/events). */
export type AdoptableEvent = { id: string; label: string };

function EventField({ form, events, prefix }: { form: FieldHelpers<"eventId">; events: AdoptableEvent[]; prefix: string }) {
  if (events.length === 0) return null;
  return (
    <Field label="由哪次活动促成" {...form.frame("eventId", { id: `${prefix}eventId` })} hint="在现场会、经验交流会或理论研讨会上学到的做法，请选择该次活动">
      <select {...form.field("eventId", { id: `${prefix}eventId` })} defaultValue="" className="input">
        <option value="">不是（或不记得）</option>
        {events.map((event) => (
          <option key={event.id} value={event.id}>
            {event.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The fields every adoption has; `prefix` keeps ids unique when several forms share a page. */
function AdoptionFields({
  form,
  today,
  prefix,
  values,
}: {
  form: FieldHelpers<"adoptedOn" | "how" | "result">;
  today: string;
  prefix: string;
  values?: { adoptedOn: string; how: string; result: string };
}) {
  return (
    <>
      <Field label="借鉴时间" {...form.frame("adoptedOn", { id: `${prefix}adoptedOn` })} required>
        <input {...form.field("adoptedOn", { id: `${prefix}adoptedOn` })} type="date" max={today} defaultValue={values?.adoptedOn} className="input sm:w-48" />
      </Field>
      <Field label="借鉴做法" {...form.frame("how", { id: `${prefix}how` })} required hint="本单位是怎样借鉴、结合实际做了哪些调整">
        <textarea {...form.field("how", { id: `${prefix}how` })} rows={3} defaultValue={values?.how} className="input" />
      </Field>
      <Field label="取得成效" {...form.frame("result", { id: `${prefix}result` })} required>
        <textarea {...form.field("result", { id: `${prefix}result` })} rows={3} defaultValue={values?.result} className="input" />
      </Field>
    </>
  );
}

function SourceFields({
  form,
  prefix,
  values,
}: {
  form: FieldHelpers<"sourceName" | "sourcePlace">;
  prefix: string;
  values?: { sourceName: string; sourcePlace: string };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="做法名称" {...form.frame("sourceName", { id: `${prefix}sourceName` })} required>
        <input {...form.field("sourceName", { id: `${prefix}sourceName` })} defaultValue={values?.sourceName} className="input" />
      </Field>
      <Field label="来源地" {...form.frame("sourcePlace", { id: `${prefix}sourcePlace` })} required hint="如：某省某县">
        <input {...form.field("sourcePlace", { id: `${prefix}sourcePlace` })} defaultValue={values?.sourcePlace} className="input" />
      </Field>
    </div>
  );
}

const summaryClass = `${buttonClass()} cursor-pointer list-none [&::-webkit-details-marker]:hidden`;

/** On a case page: "记录借鉴" opens the form (a native disclosure, so it opens even before the page is interactive). */
export function AdoptCaseForm({ projectId, today, events = [] }: { projectId: string; today: string; events?: AdoptableEvent[] }) {
  const router = useRouter();
  const details = useRef<HTMLDetailsElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(recordAdoption, {
    with: { sourceProjectId: projectId },
    onSuccess: () => {
      formRef.current?.reset();
      if (details.current) details.current.open = false;
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <div className="space-y-2">
      {saved && <Notice tone="success">借鉴记录已保存。</Notice>}
      <details ref={details} onToggle={(event) => event.currentTarget.open && setSaved(false)}>
        <summary className={summaryClass}>记录借鉴</summary>
        <form ref={formRef} onSubmit={form.onSubmit} noValidate className="mt-3 space-y-3" aria-label="记录借鉴">
          <FormError message={form.formError} />
          <AdoptionFields form={form} today={today} prefix="" />
          <EventField form={form} events={events} prefix="" />
          <Button type="submit" pending={form.pending}>
            保存借鉴记录
          </Button>
        </form>
      </details>
    </div>
  );
}

/** A practice of another county, named by hand. */
export function AdoptOutsideForm({ today, events = [] }: { today: string; events?: AdoptableEvent[] }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(recordAdoption, {
    onSuccess: () => {
      ref.current?.reset();
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form ref={ref} onSubmit={form.onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-3" aria-label="借鉴外地做法">
      {saved && <Notice tone="success">借鉴记录已保存。</Notice>}
      <FormError message={form.formError} />
      <SourceFields form={form} prefix="" />
      <AdoptionFields form={form} today={today} prefix="" />
      <EventField form={form} events={events} prefix="" />
      <Button type="submit" pending={form.pending}>
        保存借鉴记录
      </Button>
    </form>
  );
}

export type EditableAdoption = {
  id: string;
  version: number;
  outside: boolean;
  sourceName: string;
  sourcePlace: string;
  adoptedOn: string;
  how: string;
  result: string;
};

export function EditAdoptionForm({ adoption, today, onDone }: { adoption: EditableAdoption; today: string; onDone?: () => void }) {
  const router = useRouter();
  const form = useActionForm(updateAdoption, {
    with: { id: adoption.id, version: adoption.version },
    onSuccess: () => {
      onDone?.();
      router.refresh();
    },
  });
  const prefix = `a${adoption.id}-`;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="修改借鉴记录">
      <FormError message={form.formError} />
      {adoption.outside && <SourceFields form={form} prefix={prefix} values={adoption} />}
      <AdoptionFields form={form} today={today} prefix={prefix} values={adoption} />
      <Button type="submit" pending={form.pending}>
        保存修改
      </Button>
    </form>
  );
}

/** "修改" opens the edit form in place; saving closes it. */
export function EditAdoptionToggle({ adoption, today }: { adoption: EditableAdoption; today: string }) {
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details ref={details}>
      <summary className="link cursor-pointer text-sm">修改</summary>
      <div className="mt-2">
        <EditAdoptionForm
          adoption={adoption}
          today={today}
          onDone={() => {
            if (details.current) details.current.open = false;
          }}
        />
      </div>
    </details>
  );
}
