"use client";

import { buttonClass } from "@/components/ui/button";

export function PrintButton({ label = "打印" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass()}>
      {label}
    </button>
  );
}
