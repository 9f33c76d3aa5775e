"use client";

import { useRouter } from "next/navigation";
import { setCurrentYear } from "@/lib/years/actions";
import { useActionButton } from "@/components/forms/use-action-form";

export function SetCurrentYearButton({ id, year }: { id: string; year: number }) {
  const router = useRouter();
  const action = useActionButton(setCurrentYear, () => router.refresh());
  return (
    <span>
      <button type="button" className="link" disabled={action.pending} onClick={() => action.run({ id })} aria-label={`将 ${year} 设为当前年度`}>
        {action.pending ? "处理中…" : "设为当前年度"}
      </button>
      {action.error && <span className="ml-2 text-red-600">{action.error}</span>}
    </span>
  );
}
