import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { IMPORT_COLUMNS } from "@/lib/units/import";
import { Card, PageHeader } from "@/components/ui/page";
import { ImportFlow } from "@/components/imports/import-flow";

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
          <li>上传后先预览：逐行显示可以导入或问题所在（行号、列、原因），此时尚未写入；确认后导入可以导入的行，有问题的行不导入。</li>
          <li>文件不超过 2 MB，一次最多 2000 行。</li>
        </ul>
        <a href="/units/import/template" className="link mt-3 inline-block text-sm">
          下载导入模板
        </a>
      </Card>
      <ImportFlow kind="units" />
    </div>
  );
}
