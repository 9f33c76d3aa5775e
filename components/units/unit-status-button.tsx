"use client";

import { useRouter } from "next/navigation";
import { setUnitActive } from "@/lib/units/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function UnitStatusButton({ unit }: { unit: { id: string; version: number; active: boolean; name: string } }) {
  const router = useRouter();
  const action = useActionButton(setUnitActive, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      <Button
        type="button"
        variant={unit.active ? "danger" : "secondary"}
        pending={action.pending}
        onClick={() => {
          if (unit.active && !window.confirm(`确定停用“${unit.name}”吗？停用后不能再选择该单位。`)) return;
          action.run({ id: unit.id, version: unit.version, active: !unit.active });
        }}
      >
        {unit.active ? "停用单位" : "重新启用"}
      </Button>
    </div>
  );
}
