"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { declareJuryConflict, saveJuryScore } from "@/lib/awards/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { CriteriaFieldset } from "@/components/hearings/criteria-fieldset";
import type { Criterion } from "@/lib/hearings/scoring";

type Score = { version: number; values: Record<string, number>; comment: string | null; submitted: boolean } | null;

export function JuryScoreForm({ nominationId, criteria, score, closed }: { nominationId: string; criteria: Criterion[]; score: Score; closed: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.key, score?.values[c.key]?.toString() ?? ""])));
  const [comment, setComment] = useState(score?.comment ?? "");
  const [message, setMessage] = useState<string>();
  const action = useActionButton(saveJuryScore, (data) => {
    const result = data as { submitted: boolean; total: number | null };
    setMessage(result.submitted ? `评分已提交，总分 ${result.total?.toFixed(2)} 分。生成拟表彰名单前可以修改。` : "草稿已保存。");
    router.refresh();
  });
  const run = (submit: boolean) =>
    action.run({ nominationId, version: score?.version, values: Object.fromEntries(criteria.map((c) => [c.key, values[c.key] === "" ? null : Number(values[c.key])])), comment, submit } as never);
  return (
    <div className="space-y-4">
      {score?.submitted && !message && <Notice tone="success">已提交评分{closed ? "。" : "，生成拟表彰名单前可以修改后重新提交。"}</Notice>}
      {message && <Notice tone="success">{message}</Notice>}
      <FormError message={action.error} />
      <CriteriaFieldset criteria={criteria} values={values} onChange={setValues} errors={action.fieldErrors.values} disabled={closed} legend="对照评分标准打分" />
      <Field label="评语" name="comment" errors={action.fieldErrors.comment}>
        <textarea id="comment" rows={3} value={comment} onChange={(event) => setComment(event.target.value)} className="input" disabled={closed} />
      </Field>
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

export function JuryConflictForm({ nominationId }: { nominationId: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const action = useActionButton(declareJuryConflict, () => router.push("/reviews?declared=1"));
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Field label="回避理由" name="reason" errors={action.fieldErrors.reason} hint="与推荐单位或被推荐人有利害关系时声明回避，您的评分不计入">
        <textarea id="reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} className="input" />
      </Field>
      <Button type="button" variant="danger" pending={action.pending} onClick={() => window.confirm("声明回避后将不再评审该推荐。确定？") && action.run({ nominationId, reason })}>
        声明回避
      </Button>
    </div>
  );
}
