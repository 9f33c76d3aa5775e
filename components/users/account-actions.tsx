"use client";

import { useRouter } from "next/navigation";
import { resetPassword, setUserActive, unlockUser } from "@/lib/users/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { TemporaryPassword } from "@/components/users/user-form";

type Props = { user: { id: string; version: number; name: string; active: boolean; locked: boolean }; isSelf: boolean };

export function AccountActions({ user, isSelf }: Props) {
  const router = useRouter();
  const status = useActionButton(setUserActive, () => router.refresh());
  const reset = useActionButton(resetPassword, () => router.refresh());
  const unlock = useActionButton(unlockUser, () => router.refresh());
  if (isSelf) return <p className="text-sm text-stone-600">这是您自己的账户：请通过“修改密码”更改密码；停用和角色调整须由另一位安全管理员办理。</p>;
  return (
    <div className="space-y-3">
      <FormError message={status.error ?? reset.error ?? unlock.error} />
      {reset.data && <TemporaryPassword username={reset.data.username} password={reset.data.temporaryPassword} />}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          pending={reset.pending}
          onClick={() => window.confirm(`确定重置“${user.name}”的密码吗？其已登录的会话将被退出。`) && reset.run({ id: user.id })}
        >
          重置密码
        </Button>
        {user.locked && (
          <Button variant="secondary" pending={unlock.pending} onClick={() => unlock.run({ id: user.id })}>
            解除锁定
          </Button>
        )}
        <Button
          variant={user.active ? "danger" : "secondary"}
          pending={status.pending}
          onClick={() =>
            (!user.active || window.confirm(`确定停用“${user.name}”的账户吗？其将立即退出登录。`)) &&
            status.run({ id: user.id, version: user.version, active: !user.active })
          }
        >
          {user.active ? "停用账户" : "重新启用"}
        </Button>
      </div>
    </div>
  );
}
