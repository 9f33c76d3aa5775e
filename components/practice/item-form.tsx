"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import type { PracticeKind } from "@/lib/generated/prisma/enums";
import { savePractice, submitPractice } from "@/lib/practice/actions";
import { EXEMPLAR_TYPE_LABELS } from "@/lib/practice/periods";
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions, Notice } from "@/components/ui/field";
import { ProjectPicker } from "@/components/practice/project-picker";
import { type FieldErrors, type FieldName, fieldHelpers } from "@/components/forms/use-action-form";

type Values = Record<string, string>;
/** What the draft's save takes: the item's key and the fields of its kind (a union by kind). */
type SaveInput = Parameters<typeof savePractice>[0];
type Key = { year: number; kind: PracticeKind; period: number };

const FIELDS: Record<PracticeKind, { name: FieldName<SaveInput>; label: string; rows?: number; required?: boolean }[]> = {
  RESEARCH: [
    { name: "topic", label: "调研主题", required: true },
    { name: "heldOn", label: "调研时间", required: true },
    { name: "place", label: "调研地点", required: true },
    { name: "interviewees", label: "走访对象（与谁交流）", rows: 2, required: true },
    { name: "findings", label: "发现的问题", rows: 5, required: true },
    { name: "proposals", label: "对策建议", rows: 5, required: true },
  ],
  PROBLEM: [
    { name: "problem", label: "工作难题", required: true },
    { name: "measures", label: "采取的措施", rows: 5, required: true },
    { name: "result", label: "破解成效", rows: 4, required: true },
    { name: "confirmedBy", label: "确认人（谁认可了成效）", required: true },
  ],
  EXEMPLAR: [
    { name: "exemplarName", label: "典型名称（人、单位或做法）", required: true },
    { name: "reason", label: "典型事迹（为何可作典型）", rows: 5, required: true },
  ],
};

/** The cadre's item: saved as a draft, then submitted to the section head. */
export function PracticeItemForm({
  itemKey,
  version,
  initial,
  linked,
}: {
  itemKey: Key;
  version: number | undefined;
  initial: Values;
  /** The project the 典型 links now, if any. */
  linked: { id: string; title: string } | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [current, setCurrent] = useState(version);
  // The first attachment makes the draft (with no text of its own): the form takes that draft's version.
  useEffect(() => {
    if (version !== undefined) setCurrent((mine) => mine ?? version);
  }, [version]);
  const [errors, setErrors] = useState<FieldErrors<SaveInput>>({});
  // The fields are held in state and sent whole; their ids and errors follow the schema's names.
  const form = fieldHelpers(errors);
  const [message, setMessage] = useState<string>();
  const save = useAction(savePractice);
  const submit = useAction(submitPractice);
  async function persist(): Promise<number | null> {
    // The fields of the item's kind, as typed; the schema (a union by kind) parses them.
    const result = await save.executeAsync({ ...itemKey, version: current, ...values } as SaveInput);
    setErrors(result?.validationErrors?.fieldErrors ?? {});
    if (!result?.data) return null;
    setCurrent(result.data.version);
    return result.data.version;
  }
  async function onSave() {
    if ((await persist()) === null) return;
    setMessage("草稿已保存。");
    router.refresh();
  }
  async function onSubmit() {
    const saved = await persist();
    if (saved === null) return;
    const result = await submit.executeAsync({ ...itemKey, version: saved });
    setErrors(result?.validationErrors?.fieldErrors ?? {});
    // Submitted: the page shows the item read-only, with its notice.
    if (result?.data) router.refresh();
  }
  const set = (name: FieldName<SaveInput>, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const error = save.result.serverError ?? submit.result.serverError;
  const fields = FIELDS[itemKey.kind];
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="max-w-3xl space-y-4">
      <FormError message={error} />
      {message && <Notice tone="success">{message}</Notice>}
      {fields.map((field) => (
        <Field key={field.name} label={field.label} {...form.frame(field.name)} required={field.required}>
          {field.rows ? (
            <textarea
              {...form.control(field.name)}
              rows={field.rows}
              value={values[field.name] ?? ""}
              onChange={(e) => set(field.name, e.target.value)}
              className="input"
            />
          ) : (
            <input {...form.control(field.name)} value={values[field.name] ?? ""} onChange={(e) => set(field.name, e.target.value)} className="input" />
          )}
        </Field>
      ))}
      {itemKey.kind === "EXEMPLAR" && (
        <>
          <Field label="典型类别" {...form.frame("exemplarType")} required>
            <select
              {...form.control("exemplarType")}
              value={values.exemplarType ?? ""}
              onChange={(e) => set("exemplarType", e.target.value)}
              className="input w-40"
            >
              <LabelOptions labels={EXEMPLAR_TYPE_LABELS} empty="请选择" />
            </select>
          </Field>
          <Field label="关联项目或案例（可选）" {...form.frame("projectId")}>
            <ProjectPicker value={values.projectId ?? ""} initialTitle={linked?.title ?? null} onChange={(id) => set("projectId", id)} />
          </Field>
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={submit.isPending} onClick={() => void onSubmit()}>
          提交
        </Button>
        <Button type="button" variant="secondary" pending={save.isPending} onClick={() => void onSave()}>
          保存草稿
        </Button>
      </div>
    </form>
  );
}
