import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { getUserForAdmin } from "@/lib/users/queries";
import { unitOptions } from "@/lib/units/queries";
import { formatDateTime } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { UserForm } from "@/components/users/user-form";
import { AccountActions } from "@/components/users/account-actions";

export const metadata: Metadata = { title: "管理账户" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("users.manage");
  const { id } = await params;
  const user = await getUserForAdmin(id);
  if (!user) notFound();
  const units = await unitOptions();
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
    </div>
  );
}
