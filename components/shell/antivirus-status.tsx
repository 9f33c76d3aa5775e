/** The scanner's state for the administrators: a quiet line when uploads are scanned, a warning when they are not. */
export function AntivirusStatus({ level, text }: { level: "ok" | "warning"; text: string }) {
  return (
    <p
      role="status"
      aria-label="病毒扫描状态"
      className={`mb-3 rounded-md border px-3 py-2 text-sm ${level === "ok" ? "border-stone-200 bg-stone-50 text-stone-700" : "border-amber-300 bg-amber-50 text-amber-900"}`}
    >
      {text}
    </p>
  );
}
