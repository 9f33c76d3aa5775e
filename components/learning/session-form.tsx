"use client";

import { useRouter } from "next/navigation";
import { createSession, updateSession } from "@/lib/learning/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export type SessionInitial = { heldOn: string; speaker: string; topic: string; place: string };

/** Records a 组工讲坛 session (every Tuesday and Friday), or corrects one. */
export function SessionForm({ session, initial }: { session?: { id: string; version: number }; initial?: SessionInitial }) {
  const router = useRouter();
  const form = useActionForm(session ? updateSession : (createSession as typeof updateSession), {
    with: session,
    onSuccess: (data) => {
      router.push(`/learning/sessions/${data.id}`);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="讲坛时间" name="heldOn" errors={e.heldOn} required>
          <input id="heldOn" name="heldOn" type="datetime-local" defaultValue={initial?.heldOn} className="input" aria-invalid={Boolean(e.heldOn)} />
        </Field>
        <Field label="主讲人" name="speaker" errors={e.speaker} required>
          <input id="speaker" name="speaker" defaultValue={initial?.speaker} className="input" aria-invalid={Boolean(e.speaker)} />
        </Field>
      </div>
      <Field label="专题" name="topic" errors={e.topic} required>
        <input id="topic" name="topic" defaultValue={initial?.topic} className="input" aria-invalid={Boolean(e.topic)} />
      </Field>
      <Field label="地点" name="place" errors={e.place}>
        <input id="place" name="place" defaultValue={initial?.place} className="input" aria-invalid={Boolean(e.place)} />
      </Field>
      <Button type="submit" pending={form.pending}>
        {session ? "保存修改" : "记录讲坛"}
      </Button>
    </form>
  );
}
