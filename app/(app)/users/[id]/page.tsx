import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getUserForAdmin } from "@/lib/users/queries";
import { unitOptions } from "@/lib/units/queries";
import { formatDateTime } from "@/lib/time";

import { UserForm } from "@/components/users/user-form";
import { AccountActions } from "@/components/users/account-actions";
import { SecurityActions } from "@/components/users/security-actions";
import { describeDevice } from "@/lib/auth/device";
import { requiresSecondFactor } from "@/lib/auth/second-factor";
import { Badge, Card, DataTable, EmptyRow, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "管理账户" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("users.manage");
  const { id } = await params;
  const user = await getUserForAdmin(id);
  if (!user) return notFoundAudited(admin, { entityType: "User", id });
  const [units, required] = await Promise.all([unitOptions(), requiresSecondFactor(user.roles)]);
  // A user of a deactivated unit still shows that unit in the picker.
  if (!units.some((unit) => unit.id === user.unitId))
    units.unshift({ id: user.unitId, name: `${user.unit.name}（已停用）`, type: user.unit.type, parentId: null });
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${user.name}（${user.username}）`}
        description={`${user.active ? "启用" : "已停用"}${user.lockedUntil ? ` · 锁定至 ${formatDateTime(user.lockedUntil)}` : ""} · 最近登录 ${formatDateTime(user.lastSignInAt) || "无"}`}
      />
      {/* Only the form's fields go to the browser (never the password hash). */}
      <UserForm
        user={{
          id: user.id,
          version: user.version,
          username: user.username,
          name: user.name,
          phone: user.phone,
          email: user.email,
          unitId: user.unitId,
          roles: user.roles,
        }}
        units={units}
      />
      <Card title="账户操作">
        <AccountActions
          user={{ id: user.id, version: user.version, name: user.name, active: user.active, locked: Boolean(user.lockedUntil) }}
          isSelf={admin.id === user.id}
        />
      </Card>
      <Card
        title={
          <>
            双因素认证与会话{" "}
            {user.totpEnabledAt ? (
              <Badge tone="green">双因素认证已启用</Badge>
            ) : (
              <Badge tone={required ? "amber" : "stone"}>{required ? "未启用（其角色要求，登录后须先设置）" : "未启用"}</Badge>
            )}
          </>
        }
      >
        <div className="space-y-3">
          {user.totpEnabledAt && <p className="text-sm text-stone-600">启用于 {formatDateTime(user.totpEnabledAt)}</p>}
          <DataTable headers={["设备", "地址", "登录时间", "最近活动"]}>
            {user.sessions.length === 0 && <EmptyRow colSpan={4}>当前没有登录的会话</EmptyRow>}
            {user.sessions.map((session) => (
              <tr key={`${session.createdAt.toISOString()}-${session.ip}`} data-testid="user-session-row">
                <td className="px-3 py-2">{describeDevice(session.userAgent)}</td>
                <td className="px-3 py-2">{session.ip ?? "未知"}</td>
                <td className="px-3 py-2">{formatDateTime(session.createdAt)}</td>
                <td className="px-3 py-2">{formatDateTime(session.lastSeenAt)}</td>
              </tr>
            ))}
          </DataTable>
          <SecurityActions
            user={{ id: user.id, name: user.name, factorEnabled: Boolean(user.totpEnabledAt), sessions: user.sessions.length }}
            isSelf={admin.id === user.id}
          />
        </div>
      </Card>
    </div>
  );
}
