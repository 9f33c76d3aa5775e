"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { triageSuggestion } from "@/lib/suggestions/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { canTriage, TRIAGE_ACTIONS, TRIAGE_TRANSITIONS, type SuggestionStatus, type TriageAction } from "@/lib/suggestions/catalog";

export function TriagePanel({ suggestion }: { suggestion: { id: string; version: number; status: SuggestionStatus; reply: string | null } }) {
  const router = useRouter();
  const reply = useRef<HTMLTextAreaElement>(null);
  const mergeInto = useRef<HTMLInputElement>(null);
  const action = useActionButton(triageSuggestion, () => router.refresh());
  const allowed = TRIAGE_ACTIONS.filter((name) => canTriage(name, suggestion.status));
  const run = (name: TriageAction) =>
    action.run({ id: suggestion.id, version: suggestion.version, action: name, reply: reply.current?.value ?? "", mergeInto: mergeInto.current?.value ?? "" });
  if (allowed.length === 0) return <p className="text-sm text-stone-600">该建议已合并到其他建议，无需再处理。</p>;
  return (
    <div className="space-y-3">
      <FormError message={action.error} />
      <Field label="答复（提交人凭回执号可见）" {...action.frame("reply")} hint="答复、不予采纳时必填">
        <textarea ref={reply} {...action.field("reply")} rows={4} defaultValue={suggestion.reply ?? ""} className="input" />
      </Field>
      {allowed.includes("merge") && (
        <Field label="合并到（重复建议填写保留的那条的回执号）" {...action.frame("mergeInto")}>
          <input ref={mergeInto} {...action.field("mergeInto")} placeholder="JY2026-…" className="input max-w-64 font-mono" />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {allowed.map((name) => (
          <Button
            key={name}
            type="button"
            variant={name === "notAdopted" ? "danger" : name === "merge" ? "secondary" : "primary"}
            pending={action.pending}
            onClick={() => run(name)}
          >
            {TRIAGE_TRANSITIONS[name].label}
          </Button>
        ))}
      </div>
    </div>
  );
}
