"use client";

import { changePassword } from "@/lib/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const form = useActionForm(changePassword, { onSuccess: () => window.location.assign("/?password=changed") });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      {forced && <Notice tone="warning">这是您首次登录（或密码已被重置），请先设置自己的新密码。</Notice>}
      <FormError message={form.formError} />
      <Field label="当前密码" {...form.frame("currentPassword")} required>
        <input {...form.field("currentPassword")} type="password" autoComplete="current-password" className="input" />
      </Field>
      <Field label="新密码" {...form.frame("newPassword")} hint="至少 8 位，含大写字母、小写字母、数字、符号中的至少三类" required>
        <input {...form.field("newPassword")} type="password" autoComplete="new-password" className="input" />
      </Field>
      <Field label="确认新密码" {...form.frame("confirmPassword")} required>
        <input {...form.field("confirmPassword")} type="password" autoComplete="new-password" className="input" />
      </Field>
      <Button type="submit" pending={form.pending} className="w-full">
        保存新密码
      </Button>
    </form>
  );
}
