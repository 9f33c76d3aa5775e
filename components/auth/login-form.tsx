"use client";

import { signInWithCredentials } from "@/components/auth/next-auth-client";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { retryMessage } from "@/lib/auth/throttle-rules";

// One message for an unknown user name and a wrong password: nothing tells which names exist.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "用户名或密码错误",
  InvalidCode: "动态口令或恢复码不正确，请重新输入",
  SignInExpired: "验证已超时或错误次数过多，请重新输入用户名和密码",
};

function messageOf(error: string | null | undefined): string {
  const [code, value] = (error ?? "").split(":");
  if (code === "AccountLocked" && value) return `${retryMessage(new Date(Number(value)))}，或联系安全管理员`;
  return MESSAGES[code] ?? "登录失败，请稍后再试";
}

export function LoginForm({ notice }: { notice?: string }) {
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // Set once the password was right and the account has a second factor: the code step.
  const [token, setToken] = useState<string>();
  const inFlight = useRef(false);

  async function send(credentials: Record<string, string>) {
    inFlight.current = true;
    setPending(true);
    setError(undefined);
    try {
      const result = await signInWithCredentials(credentials);
      if (result.ok) {
        window.location.assign("/");
        return;
      }
      const [code, value] = (result.error ?? "").split(":");
      if (code === "SecondFactor" && value) {
        setToken(value);
        return;
      }
      if (code === "SignInExpired") setToken(undefined);
      if (code === "AccountLocked") setToken(undefined);
      setError(messageOf(result.error));
    } catch {
      setError("无法连接服务器，请检查网络后重试");
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
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
    await send({ username, password });
  }

  async function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || !token) return;
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    setFieldErrors(code ? {} : { code: "请输入动态口令或恢复码" });
    if (!code) return;
    await send({ token, code });
  }

  if (token) {
    return (
      <form onSubmit={onCode} noValidate className="space-y-4" key="code">
        <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          密码正确。请打开手机上的身份验证器，输入显示的 6 位动态口令；手机不在身边时可输入一个恢复码。
        </p>
        <FormError message={error} />
        <Field label="动态口令" name="code" errors={fieldErrors.code ? [fieldErrors.code] : undefined} hint="6 位数字，或形如 abcde-fghjk 的恢复码">
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            autoCapitalize="none"
            className="input text-lg tracking-widest"
            aria-invalid={Boolean(fieldErrors.code)}
          />
        </Field>
        <Button type="submit" pending={pending} className="w-full">
          验证并登录
        </Button>
        <button
          type="button"
          className="link block w-full text-center text-sm"
          onClick={() => {
            setToken(undefined);
            setError(undefined);
          }}
        >
          返回重新输入密码
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onPassword} noValidate className="space-y-4" key="password">
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
