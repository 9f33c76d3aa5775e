"use client";

import { newChallenge } from "@/lib/suggestions/actions";
import { type FieldHelpers, useActionButton } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";

export type Challenge = { question: string; token: string };

/**
 * What keeps bots out of the public forms: a hidden field people never fill, and the arithmetic question. Both are
 * fields of each public form's schema (`website`, `challengeAnswer`); the form passes its helpers in.
 */
export function BotGuard({
  challenge,
  onChallenge,
  form,
}: {
  challenge: Challenge | null;
  onChallenge: (challenge: Challenge) => void;
  form: FieldHelpers<"website" | "challengeAnswer">;
}) {
  const another = useActionButton(newChallenge, (data) => onChallenge(data as Challenge));
  return (
    <>
      <div aria-hidden="true" className="absolute -left-[9999px] h-0 w-0 overflow-hidden">
        <label htmlFor="website">网址</label>
        <input id="website" name={form.name("website")} tabIndex={-1} autoComplete="off" />
      </div>
      {challenge && (
        <Field label={`验证题：${challenge.question}`} {...form.frame("challengeAnswer")} required>
          <div className="flex items-center gap-3">
            <input {...form.field("challengeAnswer")} inputMode="numeric" autoComplete="off" className="input max-w-32" />
            <button type="button" className="link text-sm" disabled={another.pending} onClick={() => another.run(undefined)}>
              换一题
            </button>
          </div>
        </Field>
      )}
    </>
  );
}
