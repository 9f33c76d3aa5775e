import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { factorStatus } from "@/lib/auth/second-factor";
import { ownSessions } from "@/lib/account/sessions";
import { formatDateTime } from "@/lib/time";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { RegenerateRecoveryCodes, TwoFactorSetup } from "@/components/account/two-factor-setup";
import { SessionsList } from "@/components/account/sessions-list";

export const metadata: Metadata = { title: "账户安全" };

export default async function AccountPage() {
  const user = await requirePermission("account.self");
  const [factor, sessions] = await Promise.all([factorStatus(user.id), ownSessions(user)]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="账户安全"
        description={`${user.name}（${user.username}）`}
        actions={
          <Link href="/change-password" className="link text-sm">
            修改密码
          </Link>
        }
      />
      <Card title={<>双因素认证 {factor.enabledAt ? <Badge tone="green">已启用</Badge> : <Badge tone={factor.required ? "red" : "stone"}>未启用</Badge>}</>}>
        {factor.enabledAt ? (
          <div className="space-y-4">
            <p className="text-sm text-stone-600">
              自 {formatDateTime(factor.enabledAt)} 起，登录时须输入手机验证器的动态口令。未使用的恢复码：{factor.unusedRecoveryCodes} 个。
            </p>
            <RegenerateRecoveryCodes />
            <div className="border-t border-stone-100 pt-3">
              <p className="mb-2 text-sm text-stone-600">更换手机时重新设置：新的验证器确认后，旧的失效，其他会话将退出。</p>
              <TwoFactorSetup enrolled continueHref="/account" />
            </div>
          </div>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-stone-600">启用后，登录须同时输入密码和手机验证器的动态口令，密码泄露也不会被冒用。</p>
            <TwoFactorSetup enrolled={false} continueHref="/account" />
          </div>
        )}
      </Card>
      <Card title="登录的设备">
        <p className="mb-2 text-sm text-stone-600">以下是您的账户目前登录着的会话。不认识的设备请立即结束，并修改密码。</p>
        <SessionsList
          sessions={sessions.map((session) => ({
            ...session,
            createdAt: formatDateTime(session.createdAt),
            lastSeenAt: formatDateTime(session.lastSeenAt),
          }))}
        />
      </Card>
    </div>
  );
}
