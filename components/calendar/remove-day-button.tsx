"use client";

import { useRouter } from "next/navigation";
import { removeCalendarDay } from "@/lib/calendar/actions";
import { useActionButton } from "@/components/forms/use-action-form";

export function RemoveCalendarDayButton({ date }: { date: string }) {
  const router = useRouter();
  const action = useActionButton(removeCalendarDay, () => router.refresh());
  return (
    <span>
      <button type="button" className="link" disabled={action.pending} onClick={() => action.run({ date })} aria-label={`删除 ${date} 的本地调整`}>
        {action.pending ? "处理中…" : "删除"}
      </button>
      {action.error && <span className="ml-2 text-red-600">{action.error}</span>}
    </span>
  );
}
