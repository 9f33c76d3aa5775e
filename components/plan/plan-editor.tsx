"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { addPlanItem, copyPlan, createPlan, movePlanItem, removePlanItem, transitionPlan, updatePlan, updatePlanItem } from "@/lib/plan/actions";
import { type FieldHelpers, useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Option = { id: string; name: string };
type Kind = { id: string; name: string; programme: boolean };

/** No plan for the year yet: start from last year's (copy) or from a blank one. */
export function StartPlan({ yearId, year, copyFrom }: { yearId: string; year: number; copyFrom: number | null }) {
  const router = useRouter();
  const copy = useActionButton(copyPlan, () => router.refresh());
  const form = useActionForm(createPlan, { with: { yearId }, onSuccess: () => router.refresh() });
  return (
    <div className="space-y-4">
      {copyFrom !== null && (
        <div className="space-y-2">
          <p className="text-sm text-stone-600">从 {copyFrom} 年度工作要点复制主题和全部条目（含目标要求和责任科室），再逐条修改。项目和选题的归入不复制。</p>
          <Button type="button" pending={copy.pending} onClick={() => copy.run({ yearId })}>
            复制 {copyFrom} 年度工作要点
          </Button>
          <FormError message={copy.error} />
        </div>
      )}
      <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={`新建 ${year} 年度工作要点`}>
        <FormError message={form.formError} />
        <Field label="年度主题" {...form.frame("theme")} required hint="如：组织工作“创新发展年”">
          <input {...form.field("theme")} className="input" maxLength={60} />
        </Field>
        <Field label="总体要求" {...form.frame("preamble")} hint="印在《组织工作要点》开头的一段话，可不填">
          <textarea {...form.field("preamble")} className="input" rows={3} />
        </Field>
        <Button type="submit" variant={copyFrom !== null ? "secondary" : "primary"} pending={form.pending}>
          新建空白工作要点
        </Button>
      </form>
    </div>
  );
}

export function ThemeForm({ plan }: { plan: { id: string; version: number; theme: string; preamble: string | null } }) {
  const router = useRouter();
  const form = useActionForm(updatePlan, { with: { id: plan.id, version: plan.version }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="主题">
      <FormError message={form.formError} />
      <Field label="年度主题" {...form.frame("theme")} required>
        <input {...form.field("theme")} defaultValue={plan.theme} className="input" maxLength={60} />
      </Field>
      <Field label="总体要求" {...form.frame("preamble")}>
        <textarea {...form.field("preamble")} defaultValue={plan.preamble ?? ""} className="input" rows={3} />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存主题
      </Button>
    </form>
  );
}

export function PlanStatusButton({ plan, transition }: { plan: { id: string; version: number }; transition: "publish" | "withdraw" }) {
  const router = useRouter();
  const action = useActionButton(transitionPlan, () => router.refresh());
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={transition === "publish" ? "primary" : "secondary"}
        pending={action.pending}
        onClick={() => {
          const question =
            transition === "publish" ? "确定印发工作要点吗？印发后各单位可查阅，并可在申报时选择所属工程。" : "确定撤回工作要点吗？撤回后各单位看不到。";
          if (!window.confirm(question)) return;
          action.run({ id: plan.id, version: plan.version, transition });
        }}
      >
        {transition === "publish" ? "印发工作要点" : "撤回修改"}
      </Button>
      <FormError message={action.error} />
    </span>
  );
}

function ItemFields({
  kinds,
  sections,
  values,
  form,
}: {
  kinds: Kind[];
  sections: Option[];
  values?: { kindId: string; title: string; goals: string | null; sectionId: string | null };
  /** The helpers of the form these fields belong to (adding or editing an item): both schemas have these names. */
  form: FieldHelpers<"kindId" | "title" | "sectionId" | "goals">;
}) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_12rem]">
        <Field label="类型" {...form.frame("kindId")} required>
          <select {...form.field("kindId")} defaultValue={values?.kindId ?? ""} className="input">
            <option value="">请选择</option>
            {kinds.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kind.name}
                {kind.programme ? "（可归入项目）" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field label="条目名称" {...form.frame("title")} required>
          <input {...form.field("title")} defaultValue={values?.title ?? ""} className="input" maxLength={100} />
        </Field>
        <Field label="责任科室" {...form.frame("sectionId")}>
          <select {...form.field("sectionId")} defaultValue={values?.sectionId ?? ""} className="input">
            <option value="">（不指定）</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="目标要求" {...form.frame("goals")}>
        <textarea {...form.field("goals")} defaultValue={values?.goals ?? ""} className="input" rows={2} />
      </Field>
    </>
  );
}

/** A new item at the top level or under a parent. */
export function AddItemForm({
  planId,
  parentId,
  kinds,
  sections,
  label,
}: {
  planId: string;
  parentId: string | null;
  kinds: Kind[];
  sections: Option[];
  label: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm(addPlanItem, {
    with: { planId, parentId },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open) {
    return (
      <button type="button" className="link text-sm" onClick={() => setOpen(true)}>
        ＋ {label}
      </button>
    );
  }
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3 rounded border border-stone-200 bg-stone-50 p-3" aria-label={label}>
      <FormError message={form.formError} />
      <ItemFields kinds={kinds} sections={sections} form={form} />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          添加
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          取消
        </Button>
      </div>
    </form>
  );
}

export type EditableItem = {
  id: string;
  version: number;
  planId: string;
  kindId: string;
  title: string;
  goals: string | null;
  sectionId: string | null;
  first: boolean;
  last: boolean;
};

/** One item's controls: edit its fields, move it among its siblings, remove it, add an item under it. */
export function ItemControls({ item, kinds, sections }: { item: EditableItem; kinds: Kind[]; sections: Option[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const move = useActionButton(movePlanItem, () => router.refresh());
  const remove = useActionButton(removePlanItem, () => router.refresh());
  const form = useActionForm(updatePlanItem, {
    with: { id: item.id, version: item.version },
    onSuccess: () => {
      setEditing(false);
      router.refresh();
    },
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm print:hidden">
        <button type="button" className="link" onClick={() => setEditing((v) => !v)} aria-label={`修改：${item.title}`}>
          修改
        </button>
        <button
          type="button"
          className="link disabled:text-stone-400"
          disabled={item.first || move.pending}
          onClick={() => move.run({ id: item.id, direction: "up" })}
          aria-label={`上移：${item.title}`}
        >
          上移
        </button>
        <button
          type="button"
          className="link disabled:text-stone-400"
          disabled={item.last || move.pending}
          onClick={() => move.run({ id: item.id, direction: "down" })}
          aria-label={`下移：${item.title}`}
        >
          下移
        </button>
        <button
          type="button"
          className="text-red-700 hover:underline"
          disabled={remove.pending}
          aria-label={`删除：${item.title}`}
          onClick={() => {
            if (!window.confirm(`确定删除“${item.title}”吗？`)) return;
            remove.run({ id: item.id });
          }}
        >
          删除
        </button>
      </div>
      <FormError message={move.error ?? remove.error} />
      {editing && (
        <form onSubmit={form.onSubmit} noValidate className="space-y-3 rounded border border-stone-200 bg-stone-50 p-3" aria-label={`修改条目：${item.title}`}>
          <FormError message={form.formError} />
          <ItemFields kinds={kinds} sections={sections} values={item} form={form} />
          <div className="flex gap-2">
            <Button type="submit" pending={form.pending}>
              保存条目
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
              取消
            </Button>
          </div>
        </form>
      )}
      <AddItemForm planId={item.planId} parentId={item.id} kinds={kinds} sections={sections} label={`在“${item.title}”下添加条目`} />
    </div>
  );
}
