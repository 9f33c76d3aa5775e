"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  addInspectionProjects,
  addRectification,
  answerRectification,
  createInspection,
  publishInspection,
  reviewRectification,
  saveInspectionItem,
  saveOverview,
} from "@/lib/inspections/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { FINDING_LABELS, type Finding } from "@/lib/inspections/labels";

type Option = { id: string; label: string };

export function CreateInspectionForm({ year, staff }: { year: number; staff: Option[] }) {
  const router = useRouter();
  const form = useActionForm(createInspection, {
    arrays: ["memberIds"],
    with: { year },
    onSuccess: (d) => router.push(`/inspections/${(d as { id: string }).id}`),
  });
  const e = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <Field label="季度" {...form.frame("quarter")} required>
          <select {...form.field("quarter")} className="input" defaultValue="">
            <option value="">请选择</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                第{"一二三四"[q - 1]}季度
              </option>
            ))}
          </select>
        </Field>
        <Field label="督查专题" {...form.frame("theme")} required hint="如：一村一名入党积极分子计划实施情况">
          <input {...form.field("theme")} className="input" />
        </Field>
      </div>
      <fieldset data-field="memberIds" className="space-y-1">
        <legend className="text-sm font-medium text-stone-700">督查组成员</legend>
        <div className="grid gap-1 text-sm sm:grid-cols-2">
          {staff.map((s) => (
            <label key={s.id} className="flex items-center gap-2">
              <input type="checkbox" name={form.name("memberIds")} value={s.id} />
              {s.label}
            </label>
          ))}
        </div>
        {e.memberIds?.map((m) => (
          <p key={m} role="alert" className="text-sm text-red-600">
            {m}
          </p>
        ))}
      </fieldset>
      <Button type="submit" pending={form.pending}>
        组建督查组
      </Button>
    </form>
  );
}

export function PickProjectsForm({ inspectionId, projects }: { inspectionId: string; projects: Option[] }) {
  const router = useRouter();
  const form = useActionForm(addInspectionProjects, {
    arrays: ["projectIds"],
    transform: (v) => ({ ...v, inspectionId, allLagging: v.allLagging === "on" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2" data-field="projectIds">
      <FormError message={form.formError} />
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name={form.name("allLagging")} />
        加入全部进展滞后的项目
      </label>
      <fieldset className="max-h-56 space-y-1 overflow-y-auto rounded border border-stone-200 p-2 text-sm">
        <legend className="sr-only">实施中的项目</legend>
        {projects.map((p) => (
          <label key={p.id} className="flex items-center gap-2">
            <input type="checkbox" name={form.name("projectIds")} value={p.id} />
            {p.label}
          </label>
        ))}
      </fieldset>
      {form.fieldErrors.projectIds?.map((m) => (
        <p key={m} role="alert" className="text-sm text-red-600">
          {m}
        </p>
      ))}
      <Button type="submit" variant="secondary" pending={form.pending}>
        加入督查
      </Button>
    </form>
  );
}

export function OverviewForm({ inspection }: { inspection: { id: string; version: number; overview: string | null } }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(saveOverview, {
    with: { id: inspection.id, version: inspection.version },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2" onChange={() => setSaved(false)}>
      <FormError message={form.formError} />
      {saved && <Notice tone="success">已保存。</Notice>}
      <Field label="总体情况" {...form.frame("overview")}>
        <textarea {...form.field("overview")} rows={4} defaultValue={inspection.overview ?? ""} className="input" />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存总体情况
      </Button>
    </form>
  );
}

/** One project's section of the report, saved on its own so that team members write side by side. */
export function ItemForm({
  item,
}: {
  item: { id: string; version: number; title: string; finding: Finding | null; problems: string | null; recommendations: string | null };
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(saveInspectionItem, {
    with: { id: item.id, version: item.version },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  const id = (name: string) => `${name}-${item.id}`;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2" aria-label={`${item.title}的督查意见`} onChange={() => setSaved(false)}>
      <FormError message={form.formError} />
      {saved && <Notice tone="success">已保存。</Notice>}
      <fieldset data-field="finding">
        <legend className="text-sm font-medium text-stone-700">督查结论</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {(Object.keys(FINDING_LABELS) as Finding[]).map((f) => (
            <label key={f} className="flex items-center gap-1">
              <input type="radio" name={form.name("finding")} value={f} defaultChecked={item.finding === f} />
              {FINDING_LABELS[f]}
            </label>
          ))}
        </div>
        {e.finding?.map((m) => (
          <p key={m} role="alert" className="text-sm text-red-600">
            {m}
          </p>
        ))}
      </fieldset>
      <label htmlFor={id("problems")} className="block text-sm font-medium text-stone-700">
        存在问题
      </label>
      <textarea {...form.field("problems", { id: id("problems") })} rows={2} defaultValue={item.problems ?? ""} className="input" />
      <label htmlFor={id("recommendations")} className="block text-sm font-medium text-stone-700">
        意见建议
      </label>
      <textarea {...form.field("recommendations", { id: id("recommendations") })} rows={2} defaultValue={item.recommendations ?? ""} className="input" />
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存本项目意见
      </Button>
    </form>
  );
}

export function RectificationForm({ itemId }: { itemId: string }) {
  const router = useRouter();
  const form = useActionForm(addRectification, { with: { itemId }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
      <FormError message={form.formError} />
      <Field label="整改事项" {...form.frame("content")}>
        <input {...form.field("content", { id: `content-${itemId}` })} className="input" aria-label="整改事项" />
      </Field>
      <Field label="整改期限" {...form.frame("dueAt")}>
        <input {...form.field("dueAt", { id: `dueAt-${itemId}` })} type="datetime-local" className="input" aria-label="整改期限" />
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        提出整改
      </Button>
    </form>
  );
}

export function PublishButton({ inspection }: { inspection: { id: string; version: number } }) {
  const router = useRouter();
  const action = useActionButton(publishInspection, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Button
        type="button"
        pending={action.pending}
        onClick={() => window.confirm("发布后各相关单位和县委领导可见，内容不能再改。确定发布？") && action.run(inspection)}
      >
        发布督查报告
      </Button>
    </div>
  );
}

export function AnswerForm({ item }: { item: { id: string; version: number } }) {
  const router = useRouter();
  const form = useActionForm(answerRectification, { transform: (v) => ({ ...v, ...item }), onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2">
      <FormError message={form.formError} />
      <Field label="整改情况" {...form.frame("answer")}>
        <textarea {...form.field("answer", { id: `answer-${item.id}` })} rows={2} className="input" aria-label="整改情况" />
      </Field>
      <Button type="submit" pending={form.pending}>
        答复整改
      </Button>
    </form>
  );
}

export function ReviewRectification({ item }: { item: { id: string; version: number } }) {
  const router = useRouter();
  const [review, setReview] = useState("");
  const action = useActionButton(reviewRectification, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <textarea
        value={review}
        onChange={(e) => setReview(e.target.value)}
        rows={2}
        className="input"
        aria-label="验收意见"
        placeholder="验收意见（重新整改时必填）"
      />
      {action.fieldErrors.review?.map((m) => (
        <p key={m} role="alert" className="text-sm text-red-600">
          {m}
        </p>
      ))}
      <div className="flex gap-2">
        <Button type="button" pending={action.pending} onClick={() => action.run({ ...item, accept: true, review })}>
          销号
        </Button>
        <Button type="button" variant="danger" pending={action.pending} onClick={() => action.run({ ...item, accept: false, review })}>
          重新整改
        </Button>
      </div>
    </div>
  );
}
