"use client";

import { useRouter } from "next/navigation";
import { createPlanKind, updatePlanKind } from "@/lib/plan/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Kind = { id: string; version: number; name: string; programme: boolean; sortOrder: number; count: number };

export function NewKindForm() {
  const router = useRouter();
  const form = useActionForm(createPlanKind, {
    transform: (values) => ({ ...values, programme: values.programme === "on" }),
    onSuccess: () => {
      router.refresh();
      (document.getElementById("new-plan-kind") as HTMLFormElement | null)?.reset();
    },
  });
  return (
    <form id="new-plan-kind" onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-start gap-2" aria-label="新增条目类型">
      <FormError message={form.formError} />
      <Field label="类型名称" {...form.frame("name")}>
        <input {...form.field("name")} className="input w-40" maxLength={10} />
      </Field>
      <Field label="排序" {...form.frame("sortOrder")}>
        <input {...form.field("sortOrder")} type="number" defaultValue={100} className="input w-20" />
      </Field>
      <label className="flex items-center gap-1 pt-7 text-sm">
        <input type="checkbox" name={form.name("programme")} /> 可归入项目
      </label>
      <div className="pt-6">
        <Button type="submit" pending={form.pending}>
          新增类型
        </Button>
      </div>
    </form>
  );
}

export function KindRow({ kind }: { kind: Kind }) {
  const router = useRouter();
  const form = useActionForm(updatePlanKind, {
    transform: (values) => ({ ...values, id: kind.id, version: kind.version, programme: values.programme === "on" }),
    onSuccess: () => router.refresh(),
  });
  const messages = [...(form.fieldErrors.name ?? []), ...(form.fieldErrors.programme ?? []), ...(form.formError ? [form.formError] : [])];
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={`类型：${kind.name}`} className="flex flex-wrap items-start gap-2 py-2">
      <input aria-label="类型名称" name={form.name("name")} defaultValue={kind.name} className="input w-40" maxLength={10} />
      <input aria-label="排序" name={form.name("sortOrder")} type="number" defaultValue={kind.sortOrder} className="input w-20" />
      <label className="flex items-center gap-1 pt-2 text-sm">
        <input type="checkbox" name={form.name("programme")} defaultChecked={kind.programme} /> 可归入项目
      </label>
      <span className="pt-2 text-sm text-stone-500">{kind.count} 个条目</span>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存
      </Button>
      {messages.map((message) => (
        <p key={message} role="alert" className="basis-full text-sm text-red-600">
          {message}
        </p>
      ))}
    </form>
  );
}
