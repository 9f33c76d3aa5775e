import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { loginSecurityOverview, userCounts } from "@/lib/users/queries";
import { secondFactorRelaxed } from "@/lib/auth/second-factor";
import { MANDATORY_SECOND_FACTOR_ROLES } from "@/lib/auth/second-factor-rules";
import { THROTTLE_RULES } from "@/lib/auth/throttle-rules";
import { ALL_ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { LoginCounters, RoleSecondFactorTable } from "@/components/users/login-security";

export const metadata: Metadata = { title: "登录安全" };

export default async function LoginSecurityPage() {
  await requirePermission("users.manage");
  const [overview, counts] = await Promise.all([loginSecurityOverview(), userCounts()]);
  const relaxed = secondFactorRelaxed();
  const rules = Object.values(THROTTLE_RULES);
  return (
    <div className="space-y-4">
      <PageHeader title="登录安全" description="双因素认证的要求，以及近期失败的登录：哪些账户正被尝试、来自哪些地址。" />
      <Card title="双因素认证">
        {relaxed && (
          <div className="mb-3">
            <Notice tone="warning">
              演示环境：为便于试用公开的演示账号，管理员、安全管理员、审计管理员在此未强制使用双因素认证（可在下面按角色开启）。正式环境中这三个角色始终要求，不能关闭。
            </Notice>
          </div>
        )}
        <RoleSecondFactorTable
          rows={ALL_ROLES.map((role) => ({
            role,
            mandatory: !relaxed && MANDATORY_SECOND_FACTOR_ROLES.includes(role),
            required: overview.chosen.includes(role),
            users: counts.byRole[role] ?? 0,
            enrolled: overview.enrolledByRole[role] ?? 0,
          }))}
        />
      </Card>
      <Card title="近期失败的登录">
        <p className="mb-2 text-sm text-stone-600">
          {rules.map((rule) => `${rule.label}：${rule.duration / 60} 分钟内失败 ${rule.points} 次，锁定 ${rule.block / 60} 分钟`).join("；")}。
          按“账户与地址”锁定只挡住失败的那个地址，账户本人从其他地址仍可登录。
        </p>
        <LoginCounters
          rows={overview.counters.map((row) => ({
            key: row.key,
            label: row.rule.label,
            username: row.username,
            knownAccount: row.knownAccount,
            ip: row.ip,
            failures: `${row.failures} / ${row.rule.points}`,
            locked: row.locked,
            until: formatDateTime(row.until),
          }))}
        />
      </Card>
    </div>
  );
}
