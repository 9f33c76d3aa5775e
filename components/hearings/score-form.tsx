"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { declareConflict, saveScore } from "@/lib/hearings/actions";
import { declareJuryConflict, saveJuryScore } from "@/lib/awards/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import type { Criterion } from "@/lib/hearings/scoring";
import { criterionScoreProblem } from "@/lib/hearings/score-rule";
import { CriteriaFieldset } from "@/components/hearings/criteria-fieldset";
import { VERDICT_LABELS, type Verdict } from "@/lib/hearings/labels";

type Score = { version: number; values: Record<string, number>; comment: string | null; recommendation?: Verdict | null; submitted: boolean } | null;

/** The one score sheet: a hearing assignment (with a recommendation) or a year-end jury task. */
type Kind = "hearing" | "jury";
const UNTIL: Record<Kind, string> = { hearing: "听证会结束前", jury: "生成拟表彰名单前" };

export function ScoreForm({ kind, targetId, criteria, score, closed }: { kind: Kind; targetId: string; criteria: Criterion[]; score: Score; closed: boolean }) {
  // The save returns the new version and state: the sheet keeps them, so that the next save is not refused as
  // stale and the page need not be re-rendered (the actions do not revalidate; docs/decisions/0021).
  const [version, setVersion] = useState(score?.version);
  const [submitted, setSubmitted] = useState(Boolean(score?.submitted));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.key, score?.values[c.key]?.toString() ?? ""])));
  const [comment, setComment] = useState(score?.comment ?? "");
  const [recommendation, setRecommendation] = useState<string>(score?.recommendation ?? "");
  const [message, setMessage] = useState<string>();
  const done = (data: { submitted: boolean; total: number | null; version: number }) => {
    setVersion(data.version);
    setSubmitted(data.submitted);
    setMessage(data.submitted ? `评分已提交，总分 ${data.total?.toFixed(2)} 分。${UNTIL[kind]}可以修改。` : "草稿已保存。");
  };
  // One sheet drives two actions whose inputs differ; each hook is typed by its own action's schema.
  const hearingAction = useActionButton(saveScore, done);
  const juryAction = useActionButton(saveJuryScore, done);
  const action = kind === "hearing" ? hearingAction : juryAction;
  // A score the field already marks as wrong (the server's own rule, lib/hearings/score-rule.ts) is not sent: the
  // server would only refuse it. The notice stays until every field is right again.
  const [blocked, setBlocked] = useState(false);
  const wrongScore = criteria.some((c) => values[c.key] !== "" && criterionScoreProblem(c, Number(values[c.key])) !== null);
  const run = (submit: boolean) => {
    if (wrongScore) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    const sheet = {
      version,
      values: Object.fromEntries(criteria.map((c) => [c.key, values[c.key] === "" ? null : Number(values[c.key])])),
      comment,
      submit,
    };
    if (kind === "hearing") void hearingAction.run({ ...sheet, assignmentId: targetId, recommendation: recommendation as Verdict | "" });
    else void juryAction.run({ ...sheet, nominationId: targetId });
  };
  return (
    <div className="space-y-4">
      {submitted && !message && <Notice tone="success">已提交评分{closed ? "。" : `，${UNTIL[kind]}可以修改后重新提交。`}</Notice>}
      {message && <Notice tone="success">{message}</Notice>}
      <FormError message={blocked && wrongScore ? "有分数不合要求，请按各项下方的提示改正后再保存或提交。" : action.error} />
      <CriteriaFieldset
        criteria={criteria}
        values={values}
        onChange={setValues}
        errors={action.fieldErrors.values}
        disabled={closed}
        legend={kind === "hearing" ? "对照创新标准打分" : "对照评分标准打分"}
      />
      <Field label="评语" {...action.frame("comment")}>
        <textarea id="comment" rows={3} value={comment} onChange={(event) => setComment(event.target.value)} className="input" disabled={closed} />
      </Field>
      {kind === "hearing" && (
        <fieldset data-field="recommendation" disabled={closed}>
          <legend className="text-sm font-medium text-stone-700">评审意见</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {(Object.keys(VERDICT_LABELS) as Verdict[]).map((verdict) => (
              <label key={verdict} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={hearingAction.name("recommendation")}
                  value={verdict}
                  checked={recommendation === verdict}
                  onChange={() => setRecommendation(verdict)}
                />
                {VERDICT_LABELS[verdict]}
              </label>
            ))}
          </div>
          {hearingAction.errorOf("recommendation")?.map((m) => (
            <p key={m} role="alert" className="text-sm text-red-600">
              {m}
            </p>
          ))}
        </fieldset>
      )}
      {!closed && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" pending={action.pending} onClick={() => run(true)}>
            {submitted ? "修改并提交" : "提交评分"}
          </Button>
          <Button type="button" variant="secondary" pending={action.pending} onClick={() => run(false)}>
            保存草稿
          </Button>
        </div>
      )}
    </div>
  );
}

const CONFLICT_TEXT: Record<Kind, { hint: string; confirm: string }> = {
  hearing: { hint: "与申报单位或项目有利害关系时声明回避，管理员会另行分配", confirm: "声明回避后将不再评审该项目。确定？" },
  jury: { hint: "与推荐单位或被推荐人有利害关系时声明回避，您的评分不计入", confirm: "声明回避后将不再评审该推荐。确定？" },
};

export function DeclareConflictForm({ kind, targetId }: { kind: Kind; targetId: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const declared = () => router.push("/reviews?declared=1");
  const hearingAction = useActionButton(declareConflict, declared);
  const juryAction = useActionButton(declareJuryConflict, declared);
  const action = kind === "hearing" ? hearingAction : juryAction;
  const declare = () => {
    if (!window.confirm(CONFLICT_TEXT[kind].confirm)) return;
    if (kind === "hearing") void hearingAction.run({ assignmentId: targetId, reason });
    else void juryAction.run({ nominationId: targetId, reason });
  };
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Field label="回避理由" {...action.frame("reason")} hint={CONFLICT_TEXT[kind].hint}>
        <textarea id="reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} className="input" />
      </Field>
      <Button type="button" variant="danger" pending={action.pending} onClick={declare}>
        声明回避
      </Button>
    </div>
  );
}
