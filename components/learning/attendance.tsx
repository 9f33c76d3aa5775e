"use client";

import { useRouter } from "next/navigation";
import { recordAttendance, signIn } from "@/lib/learning/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError, Notice } from "@/components/ui/field";

/** The cadre's 签到 button, on the session's day. */
export function SignInButton({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const action = useActionButton(signIn, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Button type="button" pending={action.pending} onClick={() => void action.run({ sessionId })} className="w-full sm:w-auto">
        签到
      </Button>
    </div>
  );
}

/** The admin's sign-in sheet: every cadre with a tick; ticking records 补签, unticking removes it. */
export function AttendanceSheet({ sessionId, cadres }: { sessionId: string; cadres: { id: string; name: string; unit: string; attended: boolean }[] }) {
  const router = useRouter();
  const action = useActionButton(recordAttendance, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      {action.data !== undefined && <Notice tone="success">已保存。</Notice>}
      <ul className="grid gap-1 sm:grid-cols-3">
        {cadres.map((cadre) => (
          <li key={cadre.id} className="text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                defaultChecked={cadre.attended}
                disabled={action.pending}
                onChange={(e) => void action.run({ sessionId, userId: cadre.id, attended: e.target.checked })}
              />
              {cadre.name}
              <span className="text-xs text-stone-500">{cadre.unit}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
