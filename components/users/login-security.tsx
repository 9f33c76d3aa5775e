"use client";

import { useRouter } from "next/navigation";
import { liftLoginLimit, setRoleSecondFactor } from "@/lib/users/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Badge, DataTable, EmptyRow } from "@/components/ui/page";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export type RoleRow = { role: Role; mandatory: boolean; required: boolean; users: number; enrolled: number };

export function RoleSecondFactorTable({ rows }: { rows: RoleRow[] }) {
  const router = useRouter();
  const set = useActionButton(setRoleSecondFactor, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={set.error} />
      <DataTable headers={["角色", "双因素认证", "已启用 / 账户数", ""]}>
        {rows.map((row) => (
          <tr key={row.role} data-testid={`role-2fa-${row.role}`}>
            <td className="px-3 py-2">{ROLE_LABELS[row.role]}</td>
            <td className="px-3 py-2">
              {row.mandatory ? <Badge tone="blue">始终要求</Badge> : row.required ? <Badge tone="green">要求</Badge> : <Badge>不要求</Badge>}
            </td>
            <td className="px-3 py-2">
              {row.enrolled} / {row.users}
            </td>
            <td className="px-3 py-2 text-right">
              {!row.mandatory && (
                <Button variant="secondary" pending={set.pending} onClick={() => set.run({ role: row.role, required: !row.required })}>
                  {row.required ? `不再要求${ROLE_LABELS[row.role]}` : `要求${ROLE_LABELS[row.role]}使用`}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export type CounterRow = {
  key: string;
  label: string;
  username: string | null;
  knownAccount: boolean | null;
  ip: string | null;
  failures: string;
  locked: boolean;
  until: string;
};

export function LoginCounters({ rows }: { rows: CounterRow[] }) {
  const router = useRouter();
  const lift = useActionButton(liftLoginLimit, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={lift.error} />
      <DataTable headers={["计数", "账户", "来源地址", "失败次数", "状态", ""]}>
        {rows.length === 0 && <EmptyRow colSpan={6}>近期没有失败的登录</EmptyRow>}
        {rows.map((row) => (
          <tr key={row.key} data-testid="login-counter">
            <td className="px-3 py-2">{row.label}</td>
            <td className="px-3 py-2">
              {row.username ?? "（全部账户）"}
              {row.knownAccount === false && <span className="ml-1 text-xs text-stone-500">（不存在的用户名）</span>}
            </td>
            <td className="px-3 py-2">{row.ip ?? "（全部地址）"}</td>
            <td className="px-3 py-2">{row.failures}</td>
            <td className="px-3 py-2">
              {row.locked ? <Badge tone="red">锁定至 {row.until}</Badge> : <span className="text-stone-500">计数至 {row.until}</span>}
            </td>
            <td className="px-3 py-2 text-right">
              <Button variant="secondary" pending={lift.pending} onClick={() => lift.run({ key: row.key })}>
                {row.locked ? "解除锁定" : "清零"}
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
