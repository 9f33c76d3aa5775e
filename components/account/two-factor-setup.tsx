"use client";

import { useState } from "react";
import { confirmTwoFactor, newRecoveryCodes, startTwoFactor } from "@/lib/account/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

/** The recovery codes, shown once after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2">
      <Notice tone="warning">以下 10 个恢复码只显示这一次。请抄写或打印后妥善保管：手机丢失时，每个恢复码可代替动态口令登录一次。</Notice>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded-md bg-stone-50 p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}

/** Enrolment: scan the QR code (or type the key), confirm with a code, keep the recovery codes. */
export function TwoFactorSetup({ enrolled, continueHref }: { enrolled: boolean; continueHref: string }) {
  const [setup, setSetup] = useState<{ secret: string; qrDataUrl: string }>();
  const [codes, setCodes] = useState<string[]>();
  const start = useActionButton(startTwoFactor, (data) => setSetup(data));
  const confirm = useActionForm(confirmTwoFactor, { onSuccess: (data) => setCodes(data.recoveryCodes) });

  if (codes) {
    return (
      <div className="space-y-3">
        <Notice tone="success">双因素认证已启用。以后登录时，输入密码后还需输入手机上的动态口令。</Notice>
        <RecoveryCodes codes={codes} />
        <a href={continueHref} className={buttonClass()}>
          我已保存恢复码，继续
        </a>
      </div>
    );
  }
  if (!setup) {
    return (
      <div className="space-y-3">
        <FormError message={start.error} />
        <p className="text-sm text-stone-600">
          请先在手机上安装身份验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或其他支持 TOTP 的验证器），然后点击下面的按钮。
        </p>
        <Button pending={start.pending} onClick={() => start.run({})}>
          {enrolled ? "重新设置（更换手机）" : "开始设置"}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={confirm.onSubmit} noValidate className="space-y-3">
      <p className="text-sm text-stone-600">1. 用身份验证器扫描二维码；无法扫描时，选择“手动输入密钥”并输入下面的密钥。</p>
      {/* biome-ignore lint/performance/noImgElement: a data URL made on the server, not an asset to optimise */}
      <img src={setup.qrDataUrl} alt="双因素认证二维码" width={192} height={192} className="rounded border border-stone-200 bg-white" />
      <p className="text-sm">
        密钥：
        <code data-testid="totp-secret" className="break-all rounded bg-stone-100 px-1 font-mono">
          {setup.secret.replace(/(.{4})/g, "$1 ").trim()}
        </code>
      </p>
      <p className="text-sm text-stone-600">2. 输入验证器显示的 6 位动态口令，完成设置。</p>
      <FormError message={confirm.formError} />
      <Field label="动态口令" {...confirm.frame("code")} required>
        <input {...confirm.field("code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="input w-40 text-lg tracking-widest" />
      </Field>
      <Button type="submit" pending={confirm.pending}>
        确认启用
      </Button>
    </form>
  );
}

export function RegenerateRecoveryCodes() {
  const [codes, setCodes] = useState<string[]>();
  const regenerate = useActionButton(newRecoveryCodes, (data) => setCodes(data.recoveryCodes));
  if (codes) return <RecoveryCodes codes={codes} />;
  return (
    <div className="space-y-2">
      <FormError message={regenerate.error} />
      <Button
        variant="secondary"
        pending={regenerate.pending}
        onClick={() => window.confirm("重新生成后，原来的恢复码全部作废。确定吗？") && regenerate.run({})}
      >
        重新生成恢复码
      </Button>
    </div>
  );
}
