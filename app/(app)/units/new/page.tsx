import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { unitOptions } from "@/lib/units/queries";
import { PageHeader } from "@/components/ui/page";
import { UnitForm } from "@/components/units/unit-form";

export const metadata: Metadata = { title: "新建单位" };

export default async function NewUnitPage() {
  await requirePermission("units.manage");
  return (
    <div>
      <PageHeader title="新建单位" />
      <UnitForm parents={await unitOptions()} />
    </div>
  );
}
