"use client";

import { useRouter } from "next/navigation";
import { createUnit, updateUnit } from "@/lib/units/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { UNIT_TYPE_LABELS, UNIT_TYPES } from "@/lib/units/tree";
import type { UnitType } from "@/lib/generated/prisma/enums";

type Option = { id: string; name: string; type: UnitType };
type Unit = { id: string; version: number; name: string; type: UnitType; parentId: string | null; code: string; sortOrder: number };

export function UnitForm({ unit, parents }: { unit?: Unit; parents: Option[] }) {
  const router = useRouter();
  // One form, two actions: typed as the update (the create takes the same fields without id and version).
  const form = useActionForm((unit ? updateUnit : createUnit) as typeof updateUnit, {
    with: unit ? { id: unit.id, version: unit.version } : {},
    onSuccess: () => {
      router.push("/units?saved=1");
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-4">
      <FormError message={form.formError} />
      <Field label="单位名称" {...form.frame("name")} required>
        <input {...form.field("name")} defaultValue={unit?.name} className="input" />
      </Field>
      <Field label="单位类型" {...form.frame("type")} required>
        <select {...form.field("type")} defaultValue={unit?.type ?? ""} className="input">
          <option value="" disabled>
            请选择
          </option>
          {UNIT_TYPES.map((type) => (
            <option key={type} value={type}>
              {UNIT_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="上级单位" {...form.frame("parentId")} hint="乡镇、县直部门的上级为县；部内科室的上级为县直部门（如县委组织部）">
        <select {...form.field("parentId")} defaultValue={unit?.parentId ?? ""} className="input">
          <option value="">（无，顶级单位）</option>
          {parents
            .filter((option) => option.id !== unit?.id && option.type !== "SECTION" && option.type !== "TOWNSHIP")
            .map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}（{UNIT_TYPE_LABELS[option.type]}）
              </option>
            ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="单位编码" {...form.frame("code")} hint={unit ? undefined : "留空则自动生成"}>
          <input {...form.field("code")} defaultValue={unit?.code} className="input" />
        </Field>
        <Field label="排序" {...form.frame("sortOrder")} hint="数字越小越靠前">
          <input {...form.field("sortOrder")} type="number" inputMode="numeric" min={0} defaultValue={unit?.sortOrder ?? 0} className="input" />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          保存
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push("/units")}>
          取消
        </Button>
      </div>
    </form>
  );
}
