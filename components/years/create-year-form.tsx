"use client";

import { useRouter } from "next/navigation";
import { createYear } from "@/lib/years/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function CreateYearForm({ suggested }: { suggested: number }) {
  const router = useRouter();
  const form = useActionForm(createYear, { onSuccess: (data) => router.push(`/years/${(data as { id: string }).id}`) });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <div className="w-40">
        <Field label="年度" {...form.frame("year")}>
          <input {...form.field("year")} type="number" inputMode="numeric" defaultValue={suggested} className="input" />
        </Field>
      </div>
      <div className="pt-6">
        <Button type="submit" pending={form.pending}>
          新建年度
        </Button>
      </div>
      <div className="basis-full">
        <FormError message={form.formError} />
      </div>
    </form>
  );
}
