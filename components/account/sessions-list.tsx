"use client";

import { useRouter } from "next/navigation";
import { endOwnSession } from "@/lib/account/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Badge, DataTable } from "@/components/ui/page";

export type SessionRow = { handle: string; device: string; ip: string | null; createdAt: string; lastSeenAt: string; current: boolean };

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const end = useActionButton(endOwnSession, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={end.error} />
      <DataTable headers={["设备", "地址", "登录时间", "最近活动", ""]}>
        {sessions.map((session) => (
          <tr key={session.handle} data-testid="session-row">
            <td className="px-3 py-2">
              {session.device} {session.current && <Badge tone="green">当前会话</Badge>}
            </td>
            <td className="px-3 py-2">{session.ip ?? "未知"}</td>
            <td className="px-3 py-2">{session.createdAt}</td>
            <td className="px-3 py-2">{session.lastSeenAt}</td>
            <td className="px-3 py-2 text-right">
              <Button
                variant="secondary"
                pending={end.pending}
                onClick={() => (session.current ? window.confirm("结束当前会话将退出登录。确定吗？") : true) && end.run({ handle: session.handle })}
              >
                {session.current ? "结束当前会话" : "结束"}
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
