"use client";

import { criterionScoreProblem } from "@/lib/hearings/score-rule";
import { weightedTotal, type Criterion } from "@/lib/hearings/scoring";

/** The message for one typed score under the server's own rule, or null when it is empty or valid. */
function scoreError(criterion: Criterion, typed: string | undefined): string | null {
  if (typed === undefined || typed === "") return null;
  return criterionScoreProblem(criterion, Number(typed));
}

/** One input per criterion with the live weighted total: the score sheet of hearings and of the year-end jury. */
export function CriteriaFieldset({
  criteria,
  values,
  onChange,
  errors,
  disabled,
  legend = "对照创新标准打分",
}: {
  criteria: Criterion[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  errors?: string[];
  disabled?: boolean;
  legend?: string;
}) {
  const numbers = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== "")
      .map(([k, v]) => [k, Number(v)]),
  );
  const problems = Object.fromEntries(criteria.map((c) => [c.key, scoreError(c, values[c.key])]));
  const invalid = criteria.some((c) => problems[c.key]);
  const complete = !invalid && criteria.every((c) => c.key in numbers && Number.isFinite(numbers[c.key]));
  return (
    <fieldset className="space-y-3" data-field="values" disabled={disabled}>
      <legend className="text-sm font-medium text-stone-700">{legend}</legend>
      {criteria.map((criterion, index) => (
        <div key={criterion.key} className="grid gap-1 sm:grid-cols-[1fr_9rem] sm:items-center">
          <label htmlFor={`score-${criterion.key}`} className="text-sm">
            {index + 1}. {criterion.label}
            <span className="ml-1 text-xs text-stone-500">
              （权重 {criterion.weight}%，满分 {criterion.max}）
            </span>
            <span id={`range-${criterion.key}`} className="block text-xs text-stone-500">
              可打 0 至 {criterion.max} 分，最多一位小数
            </span>
          </label>
          <input
            id={`score-${criterion.key}`}
            type="number"
            inputMode="decimal"
            min={0}
            max={criterion.max}
            step={0.5}
            value={values[criterion.key]}
            onChange={(event) => onChange({ ...values, [criterion.key]: event.target.value })}
            className="input"
            aria-invalid={Boolean(problems[criterion.key])}
            aria-describedby={problems[criterion.key] ? `range-${criterion.key} error-${criterion.key}` : `range-${criterion.key}`}
          />
          {problems[criterion.key] && (
            <p id={`error-${criterion.key}`} role="alert" className="text-sm text-red-600 sm:col-span-2">
              {problems[criterion.key]}
            </p>
          )}
        </div>
      ))}
      {errors?.map((m) => (
        <p key={m} role="alert" className="text-sm text-red-600">
          {m}
        </p>
      ))}
      <p className="text-sm" data-testid="live-total">
        加权总分：
        {complete ? `${weightedTotal(criteria, numbers).toFixed(2)} 分（满分 100）` : invalid ? "有分数不合要求，暂不能显示，改正后显示" : "各项打完后显示"}
      </p>
    </fieldset>
  );
}
