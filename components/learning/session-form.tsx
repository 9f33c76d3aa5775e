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
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="讲坛时间" {...form.frame("heldOn")} required>
          <input {...form.field("heldOn")} type="datetime-local" defaultValue={initial?.heldOn} className="input" />
        </Field>
        <Field label="主讲人" {...form.frame("speaker")} required>
          <input {...form.field("speaker")} defaultValue={initial?.speaker} className="input" />
        </Field>
      </div>
      <Field label="专题" {...form.frame("topic")} required>
        <input {...form.field("topic")} defaultValue={initial?.topic} className="input" />
      </Field>
      <Field label="地点" {...form.frame("place")}>
        <input {...form.field("place")} defaultValue={initial?.place} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        {session ? "保存修改" : "记录讲坛"}
      </Button>
    </form>
  );
}
