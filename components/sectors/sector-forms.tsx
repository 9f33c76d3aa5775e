"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSector, updateSector } from "@/lib/sectors/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Sector = { id: string; version: number; name: string; grouping: string | null; sortOrder: number; active: boolean; count: number };

export function NewSectorForm() {
  const router = useRouter();
  const form = useActionForm(createSector, {
    onSuccess: () => {
      router.refresh();
      (document.getElementById("new-sector") as HTMLFormElement | null)?.reset();
    },
  });
  return (
    <form id="new-sector" onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <FormError message={form.formError} />
      <Field label="领域名称" {...form.frame("name")}>
        <input {...form.field("name")} className="input w-48" />
      </Field>
      <Field label="所属组别" {...form.frame("grouping")}>
        <input {...form.field("grouping")} className="input w-40" placeholder="可不填" />
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

export function SectorRow({ sector }: { sector: Sector }) {
  const router = useRouter();
  // Said until the row is edited again, so the admin (and a journey) knows the change is stored before moving on.
  const [saved, setSaved] = useState(false);
  const form = useActionForm(updateSector, {
    transform: (values) => ({ ...values, id: sector.id, version: sector.version, active: values.active === "on" }),
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={form.onSubmit}
      onChange={() => setSaved(false)}
      noValidate
      aria-label={`领域：${sector.name}`}
      className="flex flex-wrap items-start gap-2 py-2"
    >
      <input aria-label="领域名称" name={form.name("name")} defaultValue={sector.name} className="input w-48" aria-invalid={Boolean(form.fieldErrors.name)} />
      <input aria-label="所属组别" name={form.name("grouping")} defaultValue={sector.grouping ?? ""} className="input w-40" />
      <input aria-label="排序" name={form.name("sortOrder")} type="number" defaultValue={sector.sortOrder} className="input w-20" />
      <label className="flex items-center gap-1 pt-2 text-sm">
        <input type="checkbox" name={form.name("active")} defaultChecked={sector.active} /> 启用
      </label>
      <span className="pt-2 text-sm text-stone-500">{sector.count} 个项目</span>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存
      </Button>
      {saved && (
        <span role="status" className="pt-2 text-sm text-emerald-700">
          已保存
        </span>
      )}
      {(form.fieldErrors.name ?? (form.formError ? [form.formError] : [])).map((message) => (
        <p key={message} role="alert" className="basis-full text-sm text-red-600">
          {message}
        </p>
      ))}
    </form>
  );
}
