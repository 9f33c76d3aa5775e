"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useAction } from "next-safe-action/hooks";
import { saveDraft, transitionProject } from "@/lib/projects/actions";
import { proposalProblems, stillMissing } from "@/lib/projects/completeness";
import type { ProposalFields } from "@/lib/projects/schemas";
import { INNOVATION_KIND_LABELS, INNOVATION_KINDS, INNOVATION_STANDARDS, TEN_METHOD_KEYS, TEN_METHODS } from "@/lib/projects/proposal-catalog";
import { CATEGORY_LABELS } from "@/lib/suggestions/categories";
import { FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/vocabulary";
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions, Notice } from "@/components/ui/field";
import { SimilarPanel } from "@/components/projects/similar-panel";

/** The fields that hold one text (the inputs and text areas). */
type TextKey = { [K in keyof ProposalFields]-?: ProposalFields[K] extends string | null ? K : never }[keyof ProposalFields];

type SectorOption = { id: string; name: string; grouping: string | null };
type Props = {
  project: { id: string; version: number; resubmit: boolean };
  initial: ProposalFields;
  /** The active sectors, and any deactivated one the project already names. */
  sectors: SectorOption[];
  /** The programmes (工程) of the year's published work plan, and the one the project is under if not among them. */
  programmes: { id: string; title: string }[];
  attachments: ReactNode;
};
type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

const AUTOSAVE_MS = 1200;

/**
 * The proposal, saved as the user goes: every change is sent after a short pause (and when the tab is
 * hidden), against the version it was based on, so a colleague's save is never overwritten.
 */
export function ProposalForm({ project, initial, sectors, programmes, attachments }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<ProposalFields>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(project.version);
  const dirty = useRef(false);
  const latest = useRef(values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const submitting = useRef(false);
  const conflict = useRef(false);
  const save = useAction(saveDraft);
  const submit = useAction(transitionProject);

  // Saves run one after another: each flush waits for the ones before it and then sends what is still unsaved,
  // so a submit that follows a pending autosave uses the version that save answered (the user's own save is no conflict).
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const flush = useCallback((): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const turn = queue.current.then(async (): Promise<boolean> => {
      if (!dirty.current) return !conflict.current;
      if (conflict.current) return false;
      dirty.current = false;
      setSaveState({ kind: "saving" });
      const result = await save.executeAsync({ ...latest.current, id: project.id, version: version.current }).catch(() => undefined);
      if (result?.data) {
        version.current = result.data.version;
        setSaveState({
          kind: "saved",
          at: new Date(result.data.savedAt).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
        });
        return true;
      }
      dirty.current = true;
      const message = result?.serverError ?? Object.values(result?.validationErrors?.fieldErrors ?? {}).flat()[0] ?? "保存失败，请检查网络后重试";
      if (message.includes("已在别处修改")) conflict.current = true;
      setSaveState({ kind: "error", message });
      return false;
    });
    queue.current = turn.catch(() => false);
    return turn;
  }, [project.id, save]);

  function update<K extends keyof ProposalFields>(key: K, value: ProposalFields[K]) {
    const next = { ...latest.current, [key]: value };
    latest.current = next;
    setValues(next);
    // After a refused submit, each error goes as its field becomes valid; no new ones appear before the next submit.
    setErrors((shown) => (Object.keys(shown).length === 0 ? shown : stillMissing(shown, proposalProblems(next))));
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }

  useEffect(() => {
    const hide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    const leave = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    document.addEventListener("visibilitychange", hide);
    window.addEventListener("beforeunload", leave);
    return () => {
      document.removeEventListener("visibilitychange", hide);
      window.removeEventListener("beforeunload", leave);
    };
  }, [flush]);

  async function onSubmit() {
    const problems = proposalProblems(latest.current);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.querySelector(`[data-field="${Object.keys(problems)[0]}"]`)?.scrollIntoView({ block: "center" });
      return;
    }
    if (submitting.current) return;
    submitting.current = true;
    try {
      if (!(await flush())) return;
      const result = await submit.executeAsync({ id: project.id, version: version.current, transition: project.resubmit ? "resubmit" : "submit" });
      if (result?.data) {
        router.push(`/projects/${project.id}?submitted=1`);
        router.refresh();
      }
    } finally {
      submitting.current = false;
    }
  }

  const text = (key: TextKey) => ({
    id: key,
    name: key,
    value: (values[key] as string | null) ?? "",
    onChange: (event: { target: { value: string } }) => update(key, event.target.value),
    onBlur: () => void flush(),
    className: "input",
    "aria-invalid": Boolean(errors[key]),
  });
  const err = (key: string) => (errors[key] ? [errors[key]] : undefined);
  const toggle = <K extends "innovationKinds" | "methods" | "sectorIds">(key: K, item: ProposalFields[K][number]) => {
    const list: string[] = values[key];
    update(key, (list.includes(item) ? list.filter((value) => value !== item) : [...list, item]) as ProposalFields[K]);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <form onSubmit={(event) => event.preventDefault()} noValidate className="min-w-0 space-y-5">
        <div className="sticky top-0 z-10 -mx-1 bg-stone-50/95 px-1 py-2 text-sm" aria-live="polite" data-testid="save-state">
          {saveState.kind === "saving" && <span className="text-stone-500">正在保存…</span>}
          {saveState.kind === "saved" && <span className="text-emerald-700">已自动保存 {saveState.at}</span>}
          {saveState.kind === "idle" && <span className="text-stone-500">填写内容会自动保存，关闭页面也不会丢失</span>}
          {saveState.kind === "error" && <FormError message={saveState.message} />}
        </div>
        <FormError message={submit.result.serverError} />

        <Section title="基本情况">
          <Field label="项目名称" name="title" errors={err("title")} required>
            <input {...text("title")} maxLength={60} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="责任领导" name="leaderName" errors={err("leaderName")} required>
              <input {...text("leaderName")} />
            </Field>
            <Field label="联系方式" name="leaderContact" errors={err("leaderContact")} required>
              <input {...text("leaderContact")} inputMode="tel" />
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <Select
              label="类别"
              name="category"
              value={values.category}
              labels={CATEGORY_LABELS}
              error={errors.category}
              onChange={(v) => update("category", v)}
            />
            <Select label="着眼领域" name="focus" value={values.focus} labels={FOCUS_LABELS} error={errors.focus} onChange={(v) => update("focus", v)} />
            <Select label="目标层次" name="tier" value={values.tier} labels={TIER_LABELS} error={errors.tier} onChange={(v) => update("tier", v)} />
          </div>
          <CheckGroup label="服务的党组织领域" name="sectorIds" error={errors.sectorIds}>
            {sectors.map((sector) => (
              <label key={sector.id} className="flex items-center gap-1.5">
                <input type="checkbox" checked={values.sectorIds.includes(sector.id)} onChange={() => toggle("sectorIds", sector.id)} />
                {sector.name}
                {sector.grouping && <span className="text-xs text-stone-500">（{sector.grouping}）</span>}
              </label>
            ))}
          </CheckGroup>
          {programmes.length > 0 && (
            <Field label="所属工程" name="programmeId" hint="本年度工作要点中的工程；不清楚可暂不选择，由组织部归入">
              <select
                id="programmeId"
                name="programmeId"
                value={values.programmeId ?? ""}
                onChange={(event) => update("programmeId", event.target.value || undefined)}
                onBlur={() => void flush()}
                className="input"
              >
                <option value="">暂不选择</option>
                {programmes.map((programme) => (
                  <option key={programme.id} value={programme.id}>
                    {programme.title}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label="拟解决的问题" name="problem" errors={err("problem")} required hint="工作中遇到的实际问题、群众反映的突出问题">
            <textarea {...text("problem")} rows={4} />
          </Field>
        </Section>

        <Section title="创新思路">
          <CheckGroup label="创新类型" name="innovationKinds" error={errors.innovationKinds}>
            {INNOVATION_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-1.5">
                <input type="checkbox" checked={values.innovationKinds.includes(kind)} onChange={() => toggle("innovationKinds", kind)} />
                {INNOVATION_KIND_LABELS[kind]}
              </label>
            ))}
          </CheckGroup>
          <CheckGroup label="运用的“十个一”方法" name="methods" error={errors.methods}>
            {TEN_METHOD_KEYS.map((method) => (
              <label key={method} className="flex items-start gap-1.5">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={values.methods.includes(method)}
                  onChange={() => toggle("methods", method)}
                  aria-describedby={`hint-${method}`}
                />
                <span>
                  {TEN_METHODS[method].label}
                  <span id={`hint-${method}`} className="block text-xs text-stone-500">
                    {TEN_METHODS[method].hint}
                  </span>
                </span>
              </label>
            ))}
          </CheckGroup>
          <Field label="目标" name="goals" errors={err("goals")} required>
            <textarea {...text("goals")} rows={3} />
          </Field>
          <Field label="主要措施" name="measures" errors={err("measures")} required>
            <textarea {...text("measures")} rows={5} />
          </Field>
          <Field label="预期成效" name="expectedResults" errors={err("expectedResults")} required>
            <textarea {...text("expectedResults")} rows={3} />
          </Field>
        </Section>

        <Section title="实施节点">
          <Milestones
            value={values.milestones}
            error={errors.milestones}
            onChange={(milestones) => update("milestones", milestones)}
            onBlur={() => void flush()}
          />
        </Section>

        <Section title="投入">
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="人力投入" name="inputPeople" errors={err("inputPeople")} required>
              <textarea {...text("inputPeople")} rows={2} />
            </Field>
            <Field label="资金投入" name="inputMoney" errors={err("inputMoney")} required>
              <textarea {...text("inputMoney")} rows={2} />
            </Field>
            <Field label="物资投入" name="inputMaterials" errors={err("inputMaterials")}>
              <textarea {...text("inputMaterials")} rows={2} />
            </Field>
          </div>
        </Section>

        <Section title="对照创新标准自评">
          {INNOVATION_STANDARDS.map((standard, index) => (
            <Field key={standard.key} label={`${index + 1}. ${standard.label}`} name={`self_${standard.key}`} errors={err(`self_${standard.key}`)} required>
              <textarea
                id={`self_${standard.key}`}
                rows={2}
                className="input"
                value={values.selfAssessment[standard.key] ?? ""}
                onChange={(event) => update("selfAssessment", { ...latest.current.selfAssessment, [standard.key]: event.target.value })}
                onBlur={() => void flush()}
                aria-invalid={Boolean(errors[`self_${standard.key}`])}
              />
            </Field>
          ))}
        </Section>

        <Section title="附件">{attachments}</Section>

        {Object.keys(errors).length > 0 && <Notice tone="warning">还有 {Object.keys(errors).length} 处需要补充，已在对应栏目下标出。</Notice>}
        <div className="flex flex-wrap gap-2 pb-8">
          <Button type="button" pending={submit.isPending} onClick={() => void onSubmit()}>
            {project.resubmit ? "重新提交" : "提交申报"}
          </Button>
          <Button type="button" variant="secondary" onClick={async () => (await flush()) && router.push(`/projects/${project.id}`)}>
            保存并返回
          </Button>
        </div>
      </form>
      <SimilarPanel projectId={project.id} title={values.title} problem={values.problem ?? ""} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold text-stone-800">{title}</legend>
      {children}
    </fieldset>
  );
}

function Select<V extends string>({
  label,
  name,
  value,
  labels,
  error,
  onChange,
}: {
  label: string;
  name: string;
  value: V | null;
  labels: Record<V, string>;
  error?: string;
  onChange: (value: V | null) => void;
}) {
  // The options are the keys of `labels`, so what the select holds is one of them or empty.
  const choose = (picked: string) => onChange(picked in labels ? (picked as V) : null);
  return (
    <Field label={label} name={name} errors={error ? [error] : undefined} required>
      <select id={name} name={name} value={value ?? ""} onChange={(event) => choose(event.target.value)} className="input" aria-invalid={Boolean(error)}>
        <LabelOptions labels={labels} empty="请选择" />
      </select>
    </Field>
  );
}

function CheckGroup({ label, name, error, children }: { label: string; name: string; error?: string; children: ReactNode }) {
  return (
    <fieldset data-field={name} className="space-y-1">
      <legend className="text-sm font-medium text-stone-700">
        {label}
        <span className="ml-0.5 text-red-600">*</span>
      </legend>
      <div className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-4">{children}</div>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}

type Milestone = ProposalFields["milestones"][number];

function Milestones({ value, error, onChange, onBlur }: { value: Milestone[]; error?: string; onChange: (value: Milestone[]) => void; onBlur: () => void }) {
  const rows = value.length > 0 ? value : [{ title: "", dueDate: "" }];
  const set = (index: number, patch: Partial<Milestone>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div data-field="milestones" className="space-y-2">
      <ol className="space-y-2">
        {rows.map((row, index) => (
          <li key={index} className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[1fr_11rem_auto]">
            <input
              aria-label={`第 ${index + 1} 个节点的内容`}
              placeholder="节点内容，如：完成试点方案"
              value={row.title}
              onChange={(event) => set(index, { title: event.target.value })}
              onBlur={onBlur}
              className="input col-span-2 sm:col-span-1"
            />
            <input
              aria-label={`第 ${index + 1} 个节点的日期`}
              type="date"
              value={row.dueDate}
              onChange={(event) => set(index, { dueDate: event.target.value })}
              onBlur={onBlur}
              className="input"
            />
            <button
              type="button"
              className="rounded px-2 text-sm text-stone-600 hover:bg-stone-100"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              aria-label={`删除第 ${index + 1} 个节点`}
            >
              删除
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="link text-sm" onClick={() => onChange([...rows, { title: "", dueDate: "" }])}>
        + 添加节点
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
