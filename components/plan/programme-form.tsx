"use client";

import { useRouter } from "next/navigation";
import { placeUnderProgramme } from "@/lib/plan/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** The admin places a project or a topic under a programme (工程) of its year's plan, or takes it out. */
export function ProgrammeForm({
  target,
  record,
  current,
  options,
}: {
  target: "project" | "topic";
  record: { id: string; version: number };
  current: string | null;
  options: { id: string; title: string }[];
}) {
  const router = useRouter();
  const form = useActionForm(placeUnderProgramme, {
    with: { target, id: record.id, version: record.version },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label="归入工程">
      <FormError message={form.formError} />
      <Field label="所属工程" {...form.frame("programmeId")}>
        <select {...form.field("programmeId")} defaultValue={current ?? ""} className="input w-64 max-w-full">
          <option value="">（未归入工程）</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存所属工程
      </Button>
    </form>
  );
}
