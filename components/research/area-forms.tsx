"use client";

import { useRouter } from "next/navigation";
import { createResearchArea, updateResearchArea } from "@/lib/research/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Area = { id: string; version: number; name: string; sortOrder: number; active: boolean; count: number };

export function NewAreaForm() {
  const router = useRouter();
  const form = useActionForm(createResearchArea, {
    onSuccess: () => {
      router.refresh();
      (document.getElementById("new-area") as HTMLFormElement | null)?.reset();
    },
  });
  return (
    <form id="new-area" onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <FormError message={form.formError} />
      <Field label="领域名称" {...form.frame("name")}>
        <input {...form.field("name")} className="input w-56" />
      </Field>
      <Field label="排序" {...form.frame("sortOrder")}>
        <input {...form.field("sortOrder")} type="number" defaultValue={100} className="input w-20" />
      </Field>
      <div className="pt-6">
        <Button type="submit" pending={form.pending}>
          新增领域
        </Button>
      </div>
    </form>
  );
}

export function AreaRow({ area }: { area: Area }) {
  const router = useRouter();
  const form = useActionForm(updateResearchArea, {
    transform: (values) => ({ ...values, id: area.id, version: area.version, active: values.active === "on" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={`领域：${area.name}`} className="flex flex-wrap items-start gap-2 py-2">
      <input aria-label="领域名称" name={form.name("name")} defaultValue={area.name} className="input w-56" aria-invalid={Boolean(form.fieldErrors.name)} />
      <input aria-label="排序" name={form.name("sortOrder")} type="number" defaultValue={area.sortOrder} className="input w-20" />
      <label className="flex items-center gap-1 pt-2 text-sm">
        <input type="checkbox" name={form.name("active")} defaultChecked={area.active} /> 启用
      </label>
      <span className="pt-2 text-sm text-stone-500">{area.count} 个课题</span>
      {form.data && !form.pending && (
        <span role="status" className="pt-2 text-sm text-emerald-700">
          已保存
        </span>
      )}
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
