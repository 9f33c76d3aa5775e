import type { ReactNode } from "react";
import type { StepView, Tone } from "@/lib/states/machine";
import { formatDate, formatDateTime } from "@/lib/time";

const CURRENT: Record<Tone, string> = {
  stone: "border-stone-500 bg-stone-100 text-stone-800",
  blue: "border-sky-600 bg-sky-50 text-sky-900",
  amber: "border-amber-500 bg-amber-50 text-amber-900",
  green: "border-emerald-600 bg-emerald-50 text-emerald-900",
  red: "border-red-600 bg-red-50 text-red-900",
};

/**
 * Where a record stands: the steps of its state table (lib/<module>/states.ts), who holds it now and what the
 * viewer may do next and the deadline the holder works to. Wraps on a phone rather than scrolling sideways.
 */
export function StepBar({
  label,
  steps,
  holder,
  next,
  deadline,
}: {
  label: string;
  steps: StepView[];
  holder?: string;
  next?: ReactNode;
  /** `day`: a deadline kept as a calendar day (shown without a time). */
  deadline?: { label: string; at: Date; day?: boolean } | null;
}) {
  return (
    <nav aria-label={label} className="rounded border border-stone-200 bg-white p-3">
      <ol className="flex flex-wrap items-center gap-1 text-sm">
        {steps.map((step, index) => (
          <li key={step.label} className="flex items-center gap-1" aria-current={step.status === "current" ? "step" : undefined}>
            {index > 0 && (
              <span aria-hidden className="text-stone-400">
                →
              </span>
            )}
            <span
              className={`rounded border px-2 py-0.5 ${
                step.status === "current"
                  ? `${CURRENT[step.tone]} font-semibold`
                  : step.status === "done"
                    ? "border-emerald-200 text-emerald-800"
                    : "border-dashed border-stone-300 text-stone-500"
              }`}
            >
              {step.status === "done" && <span aria-hidden>✓ </span>}
              {step.label}
              {step.status === "done" && <span className="sr-only">（已完成）</span>}
            </span>
          </li>
        ))}
      </ol>
      {(holder || next || deadline) && (
        <div className="mt-2 space-y-1 text-sm text-stone-700">
          {holder && <p>当前：{holder}</p>}
          {next && <div>{next}</div>}
          {deadline && (
            <p data-testid="stage-deadline">
              {deadline.label}：{deadline.day ? formatDate(deadline.at) : formatDateTime(deadline.at)}
            </p>
          )}
        </div>
      )}
    </nav>
  );
}
