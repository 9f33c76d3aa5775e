import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getUnit, unitOptions } from "@/lib/units/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { UnitForm } from "@/components/units/unit-form";
import { UnitStatusButton } from "@/components/units/unit-status-button";

export const metadata: Metadata = { title: "编辑单位" };

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("units.manage");
  const { id } = await params;
  const unit = await getUnit(user, id);
  if (!unit) return notFoundAudited(user, { entityType: "Unit", id });
  return (
    <div className="space-y-4">
      <PageHeader title={`编辑单位：${unit.name}`} description={unit.active ? undefined : "该单位已停用"} />
      <UnitForm unit={unit} parents={await unitOptions()} />
      <Card title="停用与启用">
        <p className="mb-2 text-sm text-stone-600">停用的单位保留全部历史记录，但不能再被选择。单位下还有启用的下级单位或账户时不能停用。</p>
        <UnitStatusButton unit={unit} />
      </Card>
    </div>
  );
}
