"use client";

import { useRouter } from "next/navigation";
import { createReflection } from "@/lib/learning/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

/** A cadre writes a 心得体会, optionally about one 组工讲坛 session. */
export function ReflectionForm({ sessions, sessionId }: { sessions: { id: string; label: string }[]; sessionId?: string }) {
  const router = useRouter();
  const form = useActionForm(createReflection, {
    onSuccess: () => {
      router.push("/learning/reflections?saved=1");
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <Field label="标题" {...form.frame("title")} required>
        <input {...form.field("title")} className="input" />
      </Field>
      <Field label="关于哪次讲坛（可选）" {...form.frame("sessionId")}>
        <select {...form.field("sessionId")} defaultValue={sessionId ?? ""} className="input">
          <option value="">不关联讲坛</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="心得体会" {...form.frame("content")} required hint="至少 20 个字">
        <textarea {...form.field("content")} rows={6} className="input" />
      </Field>
      {Object.keys(e).length > 0 && <Notice tone="warning">还有 {Object.keys(e).length} 处需要修改。</Notice>}
      <Button type="submit" pending={form.pending}>
        提交心得体会
      </Button>
    </form>
  );
}
