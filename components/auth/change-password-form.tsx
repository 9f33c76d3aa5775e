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
      <Field label="当前密码" name="currentPassword" errors={form.fieldErrors.currentPassword} required>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className="input"
          aria-invalid={Boolean(form.fieldErrors.currentPassword)}
        />
      </Field>
      <Field label="新密码" name="newPassword" errors={form.fieldErrors.newPassword} hint="至少 8 位，含大写字母、小写字母、数字、符号中的至少三类" required>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          className="input"
          aria-invalid={Boolean(form.fieldErrors.newPassword)}
        />
      </Field>
      <Field label="确认新密码" name="confirmPassword" errors={form.fieldErrors.confirmPassword} required>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          className="input"
          aria-invalid={Boolean(form.fieldErrors.confirmPassword)}
        />
      </Field>
      <Button type="submit" pending={form.pending} className="w-full">
        保存新密码
      </Button>
    </form>
  );
}
