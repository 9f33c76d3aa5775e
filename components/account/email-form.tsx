"use client";

import { useState } from "react";
import { updateOwnEmail } from "@/lib/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

/** The user's own notification e-mail address. */
export function OwnEmailForm({ email, smtp }: { email: string | null; smtp: boolean }) {
  const [saved, setSaved] = useState(false);
  const form = useActionForm(updateOwnEmail, { onSuccess: () => setSaved(true) });
  return (
    <form onSubmit={form.onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-3" aria-label="通知邮箱">
      <FormError message={form.formError} />
      {saved && <Notice tone="success">通知邮箱已保存。</Notice>}
      <Field label="通知邮箱" {...form.frame("email")} hint={smtp ? "选填；站内通知会同时发送到该邮箱" : "选填；本系统尚未配置邮件服务器，暂只在站内通知"}>
        <input {...form.field("email")} type="email" autoCapitalize="none" autoComplete="email" defaultValue={email ?? ""} className="input" />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending} className="w-full">
        保存邮箱
      </Button>
    </form>
  );
}
