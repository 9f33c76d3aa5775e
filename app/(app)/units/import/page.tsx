import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { IMPORT_COLUMNS } from "@/lib/units/import";
import { Card, PageHeader } from "@/components/ui/page";
import { ImportForm } from "@/components/units/import-form";

export const metadata: Metadata = { title: "导入单位" };

export default async function ImportUnitsPage() {
  await requirePermission("units.manage");
  return (
    <div className="space-y-4">
      <PageHeader title="从 Excel 导入单位" />
      <Card title="填写说明">
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>第一行为列名：{IMPORT_COLUMNS.join("、")}。“单位名称”“单位类型”必填。</li>
          <li>单位类型填：乡镇、县直部门、部内科室、县。</li>
          <li>上级单位填已有单位或表中前面行的名称或编码；编码留空则自动生成。</li>
          <li>有问题的行不会导入，并在结果中逐行说明原因；其余行照常导入。</li>
        </ul>
        <a href="/units/import/template" className="link mt-3 inline-block text-sm">
          下载导入模板
        </a>
      </Card>
      <ImportForm />
    </div>
  );
}
