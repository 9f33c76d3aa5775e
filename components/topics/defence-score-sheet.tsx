"use client";

import { useState } from "react";
import { scoreDefence } from "@/lib/topics/person-actions";
import { formOnly, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { criterionScoreProblem } from "@/lib/hearings/score-rule";
import type { Criterion } from "@/lib/hearings/scoring";

export type DefenceBid = {
  id: string;
  person: string;
  unit: string;
  approach: string;
  steps: string;
  expectedResults: string;
  open: boolean;
  score: { version: number; values: Record<string, number>; total: number; comment: string | null } | null;
};

/** One bidder's plan and the reviewer's score of it, with the year's hearing rubric. */
export function DefenceScoreSheet({ bid, criteria, scoring }: { bid: DefenceBid; criteria: Criterion[]; scoring: boolean }) {
  const [saved, setSaved] = useState(bid.score ? { version: bid.score.version, total: bid.score.total } : null);
  const form = useActionForm(scoreDefence, {
    // One score per criterion, gathered into `values` by its key.
    formOnly: formOnly<`value_${string}`>(),
    transform: (_values, raw) => ({
      bidId: bid.id,
      version: saved?.version,
      values: Object.fromEntries(criteria.map((criterion) => [criterion.key, raw[`value_${criterion.key}`] === "" ? null : raw[`value_${criterion.key}`]])),
      comment: raw.comment,
    }),
    onSuccess: (data) => setSaved({ version: data.version, total: data.total }),
  });
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  const canScore = scoring && bid.open;
  return (
    <article className="space-y-3 rounded-lg border border-stone-200 p-3 text-sm" aria-label={`${bid.person}的答辩评分`}>
      <h3 className="font-medium">
        {bid.person}（{bid.unit}）
      </h3>
      <dl className="grid grid-cols-[5rem_minmax(0,1fr)] gap-x-2 gap-y-1">
        <dt className="text-stone-500">工作思路</dt>
        <dd className="whitespace-pre-wrap break-words">{bid.approach}</dd>
        <dt className="text-stone-500">实施步骤</dt>
        <dd className="whitespace-pre-wrap break-words">{bid.steps}</dd>
        <dt className="text-stone-500">预期成效</dt>
        <dd className="whitespace-pre-wrap break-words">{bid.expectedResults}</dd>
      </dl>
      <form onSubmit={form.onSubmit} noValidate className="space-y-2">
        <FormError message={form.formError} />
        <div className="grid gap-2 sm:grid-cols-2">
          {criteria.map((criterion) => (
            <label key={criterion.key} className="block">
              <span className="text-stone-600">
                {criterion.label}（0–{criterion.max}，权重 {criterion.weight}%）
              </span>
              <input
                name={form.name(`value_${criterion.key}`)}
                type="number"
                inputMode="decimal"
                step="0.1"
                min={0}
                max={criterion.max}
                defaultValue={bid.score?.values[criterion.key] ?? ""}
                disabled={!canScore}
                className="input"
                aria-label={`${bid.person} ${criterion.label}`}
                onChange={(event) =>
                  setProblems((current) => ({
                    ...current,
                    [criterion.key]: event.target.value === "" ? null : criterionScoreProblem(criterion, Number(event.target.value)),
                  }))
                }
              />
              {problems[criterion.key] && <span className="text-red-600">{problems[criterion.key]}</span>}
            </label>
          ))}
        </div>
        {form.fieldErrors.values?.map((message) => (
          <p key={message} role="alert" className="text-red-600">
            {message}
          </p>
        ))}
        <textarea
          name={form.name("comment")}
          rows={2}
          placeholder="评语（选填）"
          defaultValue={bid.score?.comment ?? ""}
          disabled={!canScore}
          className="input"
          aria-label={`${bid.person}的评语`}
        />
        <div className="flex items-center gap-3">
          {canScore && (
            <Button type="submit" pending={form.pending}>
              {saved ? "修改评分" : "提交评分"}
            </Button>
          )}
          {saved && <span data-testid="defence-total">已评分：{saved.total} 分</span>}
        </div>
      </form>
    </article>
  );
}
