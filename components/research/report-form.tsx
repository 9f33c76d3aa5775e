"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { saveResearchReport, submitResearchReport } from "@/lib/research/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

type Errors = Record<string, string[] | undefined>;

/** The report: the team saves drafts (each save returns the new version); the lead submits it. */
export function ReportForm({
  topicId,
  version,
  initial,
  isLead,
}: {
  topicId: string;
  version: number;
  initial: { problems: string; analysis: string; proposals: string[] };
  isLead: boolean;
}) {
  const router = useRouter();
  const [problems, setProblems] = useState(initial.problems);
  const [analysis, setAnalysis] = useState(initial.analysis);
  const [proposals, setProposals] = useState(initial.proposals.length > 0 ? initial.proposals : [""]);
  const [current, setCurrent] = useState(version);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string>();
  const busy = useRef(false);
  const save = useAction(saveResearchReport);
  const submit = useAction(submitResearchReport);

  async function persist(): Promise<number | null> {
    const result = await save.executeAsync({ id: topicId, version: current, problems, analysis, proposals });
    setErrors(result?.validationErrors?.fieldErrors ?? {});
    if (!result?.data) return null;
    setCurrent(result.data.version);
    return result.data.version;
  }
  async function run(work: () => Promise<void>) {
    if (busy.current) return;
    busy.current = true;
    setMessage(undefined);
    try {
      await work();
    } finally {
      busy.current = false;
    }
  }
  const onSave = () =>
    run(async () => {
      if ((await persist()) !== null) setMessage("报告草稿已保存。");
    });
  const onSubmit = () =>
    run(async () => {
      const saved = await persist();
      if (saved === null) return;
      const result = await submit.executeAsync({ id: topicId, version: saved });
      setErrors(result?.validationErrors?.fieldErrors ?? {});
      if (result?.data) router.refresh();
    });
  const setProposal = (index: number, text: string) => setProposals((list) => list.map((p, i) => (i === index ? text : p)));
  const error = save.result.serverError ?? submit.result.serverError;
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="max-w-3xl space-y-4">
      <FormError message={error} />
      {message && <Notice tone="success">{message}</Notice>}
      <Field label="症结性问题" name="problems" errors={errors.problems} required hint="调研中梳理出的症结性问题，一段一个">
        <textarea
          id="problems"
          rows={5}
          value={problems}
          onChange={(e) => setProblems(e.target.value)}
          className="input"
          aria-invalid={Boolean(errors.problems)}
        />
      </Field>
      <Field label="原因分析" name="analysis" errors={errors.analysis} required>
        <textarea
          id="analysis"
          rows={5}
          value={analysis}
          onChange={(e) => setAnalysis(e.target.value)}
          className="input"
          aria-invalid={Boolean(errors.analysis)}
        />
      </Field>
      <fieldset className="space-y-2" data-field="proposals">
        <legend className="text-sm font-medium text-stone-700">
          对策建议（向领导提出，每条单独批示）<span className="ml-0.5 text-red-600">*</span>
        </legend>
        {proposals.map((text, index) => (
          <div key={index} className="flex items-start gap-2">
            <span className="pt-2 text-sm text-stone-500">{index + 1}.</span>
            <textarea aria-label={`建议${index + 1}`} rows={2} value={text} onChange={(e) => setProposal(index, e.target.value)} className="input" />
            {proposals.length > 1 && (
              <button
                type="button"
                className="link pt-2 text-sm whitespace-nowrap"
                onClick={() => setProposals((list) => list.filter((_, i) => i !== index))}
                aria-label={`删除建议${index + 1}`}
              >
                删除
              </button>
            )}
          </div>
        ))}
        {proposals.length < 20 && (
          <button type="button" className="link text-sm" onClick={() => setProposals((list) => [...list, ""])}>
            + 增加一条建议
          </button>
        )}
        {errors.proposals?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        {isLead && (
          <Button type="button" pending={submit.isPending} onClick={() => void onSubmit()}>
            提交报告
          </Button>
        )}
        <Button type="button" variant={isLead ? "secondary" : "primary"} pending={save.isPending} onClick={() => void onSave()}>
          保存草稿
        </Button>
      </div>
      {!isLead && <p className="text-sm text-stone-500">报告由牵头人提交。</p>}
    </form>
  );
}
