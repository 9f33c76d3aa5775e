"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

// One message for an unknown user name and a wrong password: nothing tells which names exist.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "用户名或密码错误",
  AccountLocked: "登录失败次数过多，账户已锁定 15 分钟，请稍后再试或联系安全管理员",
};

export function LoginForm({ notice }: { notice?: string }) {
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const data = new FormData(event.currentTarget);
    const username = String(data.get("username") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const missing: Record<string, string> = {};
    if (!username) missing.username = "请填写用户名";
    if (!password) missing.password = "请填写密码";
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    inFlight.current = true;
    setPending(true);
    setError(undefined);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign("/");
        return;
      }
      setError(MESSAGES[result?.error ?? ""] ?? "登录失败，请稍后再试");
    } catch {
      setError("无法连接服务器，请检查网络后重试");
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {notice && <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">{notice}</p>}
      <FormError message={error} />
      <Field label="用户名" name="username" errors={fieldErrors.username ? [fieldErrors.username] : undefined}>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" className="input" aria-invalid={Boolean(fieldErrors.username)} />
      </Field>
      <Field label="密码" name="password" errors={fieldErrors.password ? [fieldErrors.password] : undefined}>
        <input id="password" name="password" type="password" autoComplete="current-password" className="input" aria-invalid={Boolean(fieldErrors.password)} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        登录
      </Button>
    </form>
  );
}
