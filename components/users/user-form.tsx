"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createUser, updateUser } from "@/lib/users/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { UNIT_TYPE_LABELS } from "@/lib/units/tree";
import type { Role, UnitType } from "@/lib/generated/prisma/enums";

type User = { id: string; version: number; username: string; name: string; phone: string | null; email: string | null; unitId: string; roles: Role[] };
type UnitOption = { id: string; name: string; type: UnitType };

export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  return (
    <Notice tone="success">
      <p>
        账户 <strong>{username}</strong> 的临时密码：
        <code data-testid="temporary-password" className="mx-1 rounded bg-white px-2 py-0.5 font-mono text-base">
          {password}
        </code>
      </p>
      <p className="mt-1">请当面或通过安全渠道告知本人。该密码只显示这一次，本人首次登录时须修改。</p>
    </Notice>
  );
}

export function UserForm({ user, units }: { user?: User; units: UnitOption[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ username: string; temporaryPassword: string }>();
  // One form, two actions: each hook is typed by its own action's schema (only the create has a username).
  const update = useActionForm(updateUser, {
    arrays: ["roles"],
    with: user && { id: user.id, version: user.version },
    onSuccess: () => {
      router.push("/users?saved=1");
      router.refresh();
    },
  });
  const create = useActionForm(createUser, { arrays: ["roles"], onSuccess: (data) => setCreated(data) });
  const form = user ? update : create;
  const errors = form.fieldErrors;

  if (created) {
    return (
      <div className="max-w-xl space-y-3">
        <TemporaryPassword username={created.username} password={created.temporaryPassword} />
        <div className="flex gap-3 text-sm">
          <Link href="/users" className="link">
            返回账户列表
          </Link>
          <button type="button" className="link" onClick={() => window.location.reload()}>
            继续新建
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-4">
      <FormError message={form.formError} />
      {!user && (
        <Field label="用户名" {...create.frame("username")} hint="登录用，3 至 32 位，以字母开头，可含字母、数字、下划线、点和短横线" required>
          <input {...create.field("username")} autoCapitalize="none" autoComplete="off" className="input" />
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="姓名" {...form.frame("name")} required>
          <input {...form.field("name")} defaultValue={user?.name} className="input" />
        </Field>
        <Field label="电话" {...form.frame("phone")}>
          <input {...form.field("phone")} type="tel" defaultValue={user?.phone ?? ""} className="input" />
        </Field>
      </div>
      <Field label="电子邮箱" {...form.frame("email")} hint="选填；配置了邮件服务器时，通知同时发送到该邮箱">
        <input {...form.field("email")} type="email" autoCapitalize="none" autoComplete="off" defaultValue={user?.email ?? ""} className="input" />
      </Field>
      <Field label="所在单位" {...form.frame("unitId")} required>
        <select {...form.field("unitId")} defaultValue={user?.unitId ?? ""} className="input">
          <option value="" disabled>
            请选择
          </option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}（{UNIT_TYPE_LABELS[unit.type]}）
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-700">
          角色<span className="ml-0.5 text-red-600">*</span>
        </legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {ALL_ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2 rounded border border-stone-200 bg-white px-2 py-1.5 text-sm">
              <input type="checkbox" name={form.name("roles")} value={role} defaultChecked={user?.roles.includes(role)} />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
        <p className="text-xs text-stone-500">管理员、安全管理员、审计管理员须分设在不同账户；安全管理员和审计管理员不兼任其他角色。</p>
        {errors.roles?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {user ? "保存" : "创建账户"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/users")}>
          取消
        </Button>
      </div>
    </form>
  );
}
