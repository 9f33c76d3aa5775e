"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createHearing, updateHearing } from "@/lib/hearings/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions, Notice } from "@/components/ui/field";
import { HEARING_KIND_LABELS, HEARING_LEVEL_LABELS } from "@/lib/hearings/labels";

type Hearing = {
  id: string;
  version: number;
  kind: string;
  level: string;
  title: string;
  heldAt: string;
  place: string;
  attendees: string | null;
  minutes: string | null;
};

/** A new hearing (with `yearId`), or the details and minutes of an existing one. */
export function HearingForm({ yearId, hearing, disabled }: { yearId?: string; hearing?: Hearing; disabled?: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const onSuccess = (data: { id: string } | undefined) => {
    if (hearing) {
      setSaved(true);
      router.refresh();
    } else if (data) router.push(`/hearings/${data.id}`);
  };
  // One form drives two actions whose inputs differ; each hook is typed by its own action's schema.
  const update = useActionForm(updateHearing, { with: hearing && { id: hearing.id, version: hearing.version }, onSuccess });
  const create = useActionForm(createHearing, { with: { yearId }, onSuccess });
  const form = hearing ? update : create;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" onChange={() => setSaved(false)}>
      <FormError message={form.formError} />
      {saved && <Notice tone="success">已保存。</Notice>}
      <Field label="名称" {...form.frame("title")} required>
        <input {...form.field("title")} defaultValue={hearing?.title} className="input" disabled={disabled} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="形式" {...form.frame("kind")} required>
          <select {...form.field("kind")} defaultValue={hearing?.kind ?? "HEARING"} className="input" disabled={disabled}>
            <LabelOptions labels={HEARING_KIND_LABELS} />
          </select>
        </Field>
        <Field label="层级" {...form.frame("level")} required>
          <select {...form.field("level")} defaultValue={hearing?.level ?? "DEPARTMENT"} className="input" disabled={disabled}>
            <LabelOptions labels={HEARING_LEVEL_LABELS} />
          </select>
        </Field>
        <Field label="时间" {...form.frame("heldAt")} required>
          <input {...form.field("heldAt")} type="datetime-local" defaultValue={hearing?.heldAt} className="input" disabled={disabled} />
        </Field>
        <Field label="地点" {...form.frame("place")} required>
          <input {...form.field("place")} defaultValue={hearing?.place} className="input" disabled={disabled} />
        </Field>
      </div>
      <Field label="其他参加人员" {...form.frame("attendees")} hint="如群众代表、列席人员，写姓名和身份">
        <textarea {...form.field("attendees")} rows={2} defaultValue={hearing?.attendees ?? ""} className="input" disabled={disabled} />
      </Field>
      {hearing && (
        <Field label="纪要" {...update.frame("minutes")}>
          <textarea {...update.field("minutes")} rows={4} defaultValue={hearing.minutes ?? ""} className="input" disabled={disabled} />
        </Field>
      )}
      {!disabled && (
        <Button type="submit" pending={form.pending}>
          {hearing ? "保存" : "创建听证会"}
        </Button>
      )}
    </form>
  );
}
