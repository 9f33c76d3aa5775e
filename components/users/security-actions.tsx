"use client";

import { useRouter } from "next/navigation";
import { endUserSessions, resetUserSecondFactor } from "@/lib/users/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError, Notice } from "@/components/ui/field";

type Props = { user: { id: string; name: string; factorEnabled: boolean; sessions: number }; isSelf: boolean };

/** The security admin's 双因素认证 reset and 结束全部会话 for one account. */
export function SecurityActions({ user, isSelf }: Props) {
  const router = useRouter();
  const reset = useActionButton(resetUserSecondFactor, () => router.refresh());
  const end = useActionButton(endUserSessions, () => router.refresh());
  return (
    <div className="space-y-3">
      <FormError message={reset.error ?? end.error} />
      {end.data && <Notice tone="success">已结束 {end.data.count} 个会话。</Notice>}
      <div className="flex flex-wrap gap-2">
        {user.factorEnabled && !isSelf && (
          <Button
            variant="secondary"
            pending={reset.pending}
            onClick={() =>
              window.confirm(`确定重置“${user.name}”的双因素认证吗？其已登录的会话将退出，下次登录时须重新设置（例如手机丢失时）。`) &&
              reset.run({ id: user.id })
            }
          >
            重置双因素认证
          </Button>
        )}
        <Button
          variant="secondary"
          pending={end.pending}
          disabled={user.sessions === 0}
          onClick={() => window.confirm(`确定结束“${user.name}”的全部会话吗？其将在所有设备上退出登录。`) && end.run({ id: user.id })}
        >
          结束全部会话
        </Button>
      </div>
    </div>
  );
}
