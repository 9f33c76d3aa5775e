import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { getCurrentYear } from "@/lib/years/queries";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/rules";
import { TOPIC_IMPORT_COLUMNS } from "@/lib/topics/import";
import { Card, PageHeader } from "@/components/ui/page";
import { ImportFlow } from "@/components/imports/import-flow";

export const metadata: Metadata = { title: "导入参考选题" };

export default async function ImportTopicsPage() {
  await requirePermission("topics.manage");
  const year = await getCurrentYear();
  if (!year) return <p>请先在“年度安排”中设置年度。</p>;
  return (
    <div className="space-y-4">
      <PageHeader title={`从 Excel 导入 ${year.year} 年度参考选题`} description="导入为草稿，管理员发布参考选题后各单位可见" />
      <Card title="填写说明">
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>第一行为列名：{TOPIC_IMPORT_COLUMNS.join("、")}。“方面”“建议单位”可空，其余必填。</li>
          <li>类别填：{Object.values(CATEGORY_LABELS).join("、")}；方面填该类别下的方面名称。</li>
          <li>
            着眼领域填：{Object.values(FOCUS_LABELS).join("、")}；目标层次填：{Object.values(TIER_LABELS).join("、")}。
          </li>
          <li>认领方式填：{Object.values(CLAIM_MODE_LABELS).join("、")}；发包选题须在“建议单位”填发包单位。</li>
          <li>认领截止时间填日期（如 2026-12-31，当天 23:59 截止）或日期和时间（如 2026-12-31 17:00），须晚于现在。</li>
          <li>建议单位填乡镇、县直部门或部内科室的名称或编码，多个用顿号分隔。</li>
          <li>本年度已有的同名选题（撤回的除外）和表中重复的选题名称不会导入。选题编号按类别自动顺延。</li>
          <li>上传后先预览，逐行显示可以导入或问题所在，此时尚未写入；确认后导入可以导入的行。文件不超过 2 MB，一次最多 2000 行。</li>
        </ul>
        <a href="/topics/import/template" className="link mt-3 inline-block text-sm">
          下载导入模板
        </a>
      </Card>
      <ImportFlow kind="topics" />
    </div>
  );
}
