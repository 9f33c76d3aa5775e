"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { declareConflict, saveScore } from "@/lib/hearings/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import type { Criterion } from "@/lib/hearings/scoring";
import { CriteriaFieldset } from "@/components/hearings/criteria-fieldset";
import { VERDICT_LABELS, type Verdict } from "@/lib/hearings/labels";

type Score = { version: number; values: Record<string, number>; comment: string | null; recommendation: Verdict | null; submitted: boolean } | null;

export function ScoreForm({ assignmentId, criteria, score, closed }: { assignmentId: string; criteria: Criterion[]; score: Score; closed: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.key, score?.values[c.key]?.toString() ?? ""])));
  const [comment, setComment] = useState(score?.comment ?? "");
  const [recommendation, setRecommendation] = useState<string>(score?.recommendation ?? "");
  const [message, setMessage] = useState<string>();
  const action = useActionButton(saveScore, (data) => {
    const result = data as { submitted: boolean; total: number | null };
    setMessage(result.submitted ? `评分已提交，总分 ${result.total?.toFixed(2)} 分。听证会结束前可以修改。` : "草稿已保存。");
    router.refresh();
  });
  const run = (submit: boolean) =>
    action.run({
      assignmentId,
      version: score?.version,
      values: Object.fromEntries(criteria.map((c) => [c.key, values[c.key] === "" ? null : Number(values[c.key])])),
      comment,
      recommendation: recommendation as Verdict | "",
      submit,
    } as never);
  return (
    <div className="space-y-4">
      {score?.submitted && !message && <Notice tone="success">已提交评分{closed ? "。" : "，听证会结束前可以修改后重新提交。"}</Notice>}
      {message && <Notice tone="success">{message}</Notice>}
      <FormError message={action.error} />
      <CriteriaFieldset criteria={criteria} values={values} onChange={setValues} errors={action.fieldErrors.values} disabled={closed} />
      <Field label="评语" name="comment" errors={action.fieldErrors.comment}>
        <textarea id="comment" rows={3} value={comment} onChange={(event) => setComment(event.target.value)} className="input" disabled={closed} />
      </Field>
      <fieldset data-field="recommendation" disabled={closed}>
        <legend className="text-sm font-medium text-stone-700">评审意见</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(Object.keys(VERDICT_LABELS) as Verdict[]).map((verdict) => (
            <label key={verdict} className="flex items-center gap-1">
              <input type="radio" name="recommendation" value={verdict} checked={recommendation === verdict} onChange={() => setRecommendation(verdict)} />
              {VERDICT_LABELS[verdict]}
            </label>
          ))}
        </div>
        {action.fieldErrors.recommendation?.map((m) => (
          <p key={m} role="alert" className="text-sm text-red-600">
            {m}
          </p>
        ))}
      </fieldset>
      {!closed && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" pending={action.pending} onClick={() => run(true)}>
            {score?.submitted ? "修改并提交" : "提交评分"}
          </Button>
          <Button type="button" variant="secondary" pending={action.pending} onClick={() => run(false)}>
            保存草稿
          </Button>
        </div>
      )}
    </div>
  );
}

export function DeclareConflictForm({ assignmentId }: { assignmentId: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const action = useActionButton(declareConflict, () => router.push("/reviews?declared=1"));
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Field label="回避理由" name="reason" errors={action.fieldErrors.reason} hint="与申报单位或项目有利害关系时声明回避，管理员会另行分配">
        <textarea id="reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} className="input" />
      </Field>
      <Button type="button" variant="danger" pending={action.pending} onClick={() => window.confirm("声明回避后将不再评审该项目。确定？") && action.run({ assignmentId, reason })}>
        声明回避
      </Button>
    </div>
  );
}
