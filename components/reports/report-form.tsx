"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { reviewReport, saveReport, submitReport } from "@/lib/reports/actions";
import { type FieldErrors, fieldHelpers, useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

type Milestone = { milestoneId: string; title: string; planned: string; done: boolean; doneOn: string | null; note: string | null };
type Values = { progress: string; percent: string; problems: string; nextSteps: string; milestones: Milestone[] };
type Key = { projectId: string; year: number; quarter: 1 | 2 | 3 | 4 };

/** The unit's report, milestone by milestone planned against actual; saved as a draft, then submitted. */
export function ReportForm({ reportKey, version, initial }: { reportKey: Key; version: number | undefined; initial: Values }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [current, setCurrent] = useState(version);
  const reread = useRef(false);
  // The first attachment makes the draft (with no text of its own): the form takes that draft's version.
  useEffect(() => {
    if (version !== undefined) setCurrent((mine) => mine ?? version);
  }, [version]);
  const [errors, setErrors] = useState<FieldErrors<Parameters<typeof saveReport>[0]>>({});
  // The fields are held in state (the milestones too) and sent whole; their ids and errors follow the schema's names.
  const form = fieldHelpers(errors);
  const [message, setMessage] = useState<string>();
  const save = useAction(saveReport);
  const submit = useAction(submitReport);
  const payload = () => ({ ...reportKey, version: current, ...values, percent: values.percent });
  async function persist(): Promise<number | null> {
    const result = await save.executeAsync(payload());
    setErrors(result?.validationErrors?.fieldErrors ?? {});
    if (!result?.data) return null;
    setCurrent(result.data.version);
    // The attachment box appears once the draft exists: a page rendered without one is re-read once, after the
    // save that creates it (the action does not revalidate; docs/decisions/0021).
    if (version === undefined && !reread.current) {
      reread.current = true;
      router.refresh();
    }
    return result.data.version;
  }
  async function onSave() {
    if ((await persist()) === null) return;
    setMessage("草稿已保存。");
  }
  async function onSubmit() {
    const saved = await persist();
    if (saved === null) return;
    const result = await submit.executeAsync({ ...reportKey, version: saved });
    setErrors(result?.validationErrors?.fieldErrors ?? {});
    // The page says what was sent, when and to whom (the form itself closes once the report is sent).
    if (result?.data) router.replace(`/reports/${reportKey.projectId}/${reportKey.year}/${reportKey.quarter}?submitted=1`);
  }
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setMilestone = (index: number, patch: Partial<Milestone>) =>
    set(
      "milestones",
      values.milestones.map((m, i) => (i === index ? { ...m, ...patch } : m)),
    );
  const error = save.result.serverError ?? submit.result.serverError;
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="max-w-3xl space-y-4">
      <FormError message={error} />
      {message && <Notice tone="success">{message}</Notice>}
      <Field label="进展情况" {...form.frame("progress")} required>
        <textarea {...form.control("progress")} rows={5} value={values.progress} onChange={(e) => set("progress", e.target.value)} className="input" />
      </Field>
      <Field label="完成进度（%）" {...form.frame("percent")} required>
        <input
          {...form.control("percent")}
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          value={values.percent}
          onChange={(e) => set("percent", e.target.value)}
          className="input w-32"
        />
      </Field>
      {values.milestones.length > 0 && (
        <fieldset className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium text-stone-700">实施节点：计划与实际</legend>
          {values.milestones.map((milestone, index) => (
            <div key={milestone.milestoneId} className="grid gap-2 text-sm sm:grid-cols-[1fr_auto_10rem]" data-testid="milestone-row">
              <div>
                {milestone.title}
                <span className="ml-2 text-xs text-stone-500">计划 {milestone.planned}</span>
              </div>
              <label className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={milestone.done}
                  onChange={(e) => setMilestone(index, { done: e.target.checked })}
                  aria-label={`${milestone.title}已完成`}
                />
                已完成
              </label>
              <input
                type="date"
                value={milestone.doneOn ?? ""}
                onChange={(e) => setMilestone(index, { doneOn: e.target.value || null })}
                aria-label={`${milestone.title}的完成日期`}
                className="input py-1"
              />
            </div>
          ))}
        </fieldset>
      )}
      <Field label="存在问题" {...form.frame("problems")}>
        <textarea {...form.control("problems")} rows={3} value={values.problems} onChange={(e) => set("problems", e.target.value)} className="input" />
      </Field>
      <Field label="下步打算" {...form.frame("nextSteps")}>
        <textarea {...form.control("nextSteps")} rows={3} value={values.nextSteps} onChange={(e) => set("nextSteps", e.target.value)} className="input" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={submit.isPending} onClick={() => void onSubmit()}>
          报送
        </Button>
        <Button type="button" variant="secondary" pending={save.isPending} onClick={() => void onSave()}>
          保存草稿
        </Button>
      </div>
    </form>
  );
}

export function ReviewButtons({ report }: { report: { id: string; version: number } }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const action = useActionButton(reviewReport, () => router.refresh());
  return (
    <div className="max-w-2xl space-y-2">
      <FormError message={action.error} />
      <Field label="审核意见" {...action.frame("comment")} hint="退回时必填，将告知单位">
        <textarea id="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="input" />
      </Field>
      <div className="flex gap-2">
        <Button type="button" pending={action.pending} onClick={() => action.run({ reportId: report.id, version: report.version, accept: true, comment })}>
          通过
        </Button>
        <Button
          type="button"
          variant="danger"
          pending={action.pending}
          onClick={() => action.run({ reportId: report.id, version: report.version, accept: false, comment })}
        >
          退回修改
        </Button>
      </div>
    </div>
  );
}
