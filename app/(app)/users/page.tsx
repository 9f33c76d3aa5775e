import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/users/queries";
import { userFilterSchema } from "@/lib/users/schemas";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/time";
import { Badge, DataTable, EmptyRow, FilterBar, PageHeader, Pagination, SavedNotice } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { exportHref } from "@/lib/exports/href";
import { ExportButton } from "@/components/ui/export-button";
import { AntivirusStatus } from "@/components/shell/antivirus-status";
import { antivirusState } from "@/lib/health/readiness";

export const metadata: Metadata = { title: "账户与角色" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("users.manage");
  const params = await searchParams;
  const filter = userFilterSchema.parse(params);
  const [{ users, total, page, pageSize }, antivirus] = await Promise.all([listUsers(filter), antivirusState()]);
  return (
    <div>
      <PageHeader
        title="账户与角色"
        description="创建账户、分配角色和单位、停用账户、重置密码"
        actions={
          <>
            <ExportButton href={exportHref("/users/export", filter)} fileName="账户名单.xlsx" />
            <Link href="/users/import" className={buttonClass("secondary")}>
              从 Excel 导入
            </Link>
            <Link href="/users/new" className={buttonClass()}>
              新建账户
            </Link>
          </>
        }
      />
      <AntivirusStatus level={antivirus.level} text={antivirus.notice} />
      <SavedNotice show={params.saved} />
      <FilterBar>
        <input name="q" defaultValue={filter.q} placeholder="姓名、用户名或单位" aria-label="姓名、用户名或单位" className="input max-w-56" />
        <select name="role" defaultValue={filter.role ?? ""} aria-label="角色" className="input max-w-36">
          <option value="">全部角色</option>
          {ALL_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <select name="status" defaultValue={filter.status ?? "active"} aria-label="状态" className="input max-w-32">
          <option value="active">启用中</option>
          <option value="inactive">已停用</option>
          <option value="locked">锁定中</option>
          <option value="all">全部</option>
        </select>
      </FilterBar>
      <DataTable headers={["用户名", "姓名", "单位", "角色", "状态", "最近登录", "操作"]}>
        {users.length === 0 && <EmptyRow colSpan={7} />}
        {users.map((user) => (
          <tr key={user.id}>
            <td className="font-mono text-xs">{user.username}</td>
            <td>{user.name}</td>
            <td>{user.unitName}</td>
            <td>{user.roles.map((role) => ROLE_LABELS[role]).join("、")}</td>
            <td className="space-x-1">
              {user.active ? <Badge tone="green">启用</Badge> : <Badge>已停用</Badge>}
              {user.lockedUntil && <Badge tone="red">锁定中</Badge>}
              {user.mustChangePassword && <Badge tone="amber">待改初始密码</Badge>}
            </td>
            <td>{formatDateTime(user.lastSignInAt) || "—"}</td>
            <td>
              <Link href={`/users/${user.id}`} className="link">
                管理
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination total={total} page={page} pageSize={pageSize} params={{ q: filter.q, role: filter.role, status: filter.status }} />
    </div>
  );
}
