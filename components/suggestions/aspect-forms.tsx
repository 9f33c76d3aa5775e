"use client";

import { useRouter } from "next/navigation";
import { createAspect, updateAspect } from "@/lib/suggestions/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";
import { CATEGORY_LABELS, SUGGESTION_CATEGORIES } from "@/lib/suggestions/categories";

type Aspect = { id: string; version: number; category: SuggestionCategory; name: string; sortOrder: number; active: boolean; count: number };

export function NewAspectForm() {
  const router = useRouter();
  const form = useActionForm(createAspect, {
    onSuccess: () => {
      router.refresh();
      (document.getElementById("new-aspect") as HTMLFormElement | null)?.reset();
    },
  });
  return (
    <form id="new-aspect" onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <FormError message={form.formError} />
      <Field label="类别" {...form.frame("category")}>
        <select {...form.field("category")} defaultValue="" className="input w-36">
          <option value="" disabled>
            请选择
          </option>
          {SUGGESTION_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="方面名称" {...form.frame("name")}>
        <input {...form.field("name")} className="input w-48" />
      </Field>
      <Field label="排序" {...form.frame("sortOrder")}>
        <input {...form.field("sortOrder")} type="number" defaultValue={10} className="input w-20" />
      </Field>
      <div className="pt-6">
        <Button type="submit" pending={form.pending}>
          新增方面
        </Button>
      </div>
    </form>
  );
}

export function AspectRow({ aspect }: { aspect: Aspect }) {
  const router = useRouter();
  const form = useActionForm(updateAspect, {
    transform: (values) => ({ ...values, id: aspect.id, version: aspect.version, category: aspect.category, active: values.active === "on" }),
    onSuccess: () => router.refresh(),
  });
  const prefix = `aspect-${aspect.id}`;
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={`方面：${aspect.name}`} className="flex flex-wrap items-start gap-2 py-2">
      <input aria-label="方面名称" {...form.field("name", { id: `${prefix}-name` })} defaultValue={aspect.name} className="input w-48" />
      <input aria-label="排序" name={form.name("sortOrder")} type="number" defaultValue={aspect.sortOrder} className="input w-20" />
      <label className="flex items-center gap-1 pt-2 text-sm">
        <input type="checkbox" name={form.name("active")} defaultChecked={aspect.active} /> 启用
      </label>
      <span className="pt-2 text-sm text-stone-500">{aspect.count} 条建议</span>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存
      </Button>
      {(form.fieldErrors.name ?? (form.formError ? [form.formError] : [])).map((message) => (
        <p key={message} role="alert" className="basis-full text-sm text-red-600">
          {message}
        </p>
      ))}
    </form>
  );
}
