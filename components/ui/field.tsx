import type { ReactNode } from "react";

/** A labelled form control with its error message right below it. */
export function Field({
  label,
  name,
  errors,
  hint,
  required,
  children,
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1" data-field={name}>
      <label htmlFor={name} className="block text-sm font-medium text-stone-700">
        {label}
        {required && <span className="ml-0.5 text-red-600">*</span>}
      </label>
      {children}
      {hint && !errors?.length && <p className="text-xs text-stone-500">{hint}</p>}
      {errors?.map((message) => (
        <p key={message} id={`${name}-error`} role="alert" className="text-sm text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  const tones = {
    info: "border-sky-200 bg-sky-50 text-sky-900",
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  };
  return (
    <div role="status" className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}

/** The options of a select over a labelled set (an enum and its Chinese names), after an optional empty choice. */
export function LabelOptions({ labels, empty, emptyDisabled }: { labels: Record<string, string>; empty?: string; emptyDisabled?: boolean }) {
  return (
    <>
      {empty !== undefined && (
        <option value="" disabled={emptyDisabled}>
          {empty}
        </option>
      )}
      {Object.entries(labels).map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </>
  );
}
