// The award list as an .xlsx workbook: a title row, Chinese headers, one row per award in the documents' order.
import "server-only";
import ExcelJS from "exceljs";
import type { exportAwards } from "@/lib/awards/queries";
import { groupByTier } from "@/lib/awards/documents";
import { CATEGORY_LABELS, LEVEL_LABELS } from "@/lib/awards/phase";
import { writeTitleAndHeaders } from "@/lib/excel";

type Campaign = NonNullable<Awaited<ReturnType<typeof exportAwards>>>;

export function awardListTitle(campaign: { status: string; year: { year: number } }) {
  return `${campaign.year.year}年度组织工作改革创新评比表彰${campaign.status === "DECIDED" ? "表彰名单" : "拟表彰名单"}`;
}

export async function awardsWorkbook(campaign: Campaign): Promise<Buffer> {
  const title = awardListTitle(campaign);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("表彰名单");
  const columns = [
    { header: "序号", key: "seq", width: 6 },
    { header: "类别", key: "category", width: 12 },
    { header: "层级", key: "level", width: 14 },
    { header: "奖次", key: "tier", width: 10 },
    { header: "单位", key: "unit", width: 20 },
    { header: "项目/姓名", key: "name", width: 36 },
    { header: "职务", key: "title", width: 24 },
    { header: "带领项目", key: "led", width: 30 },
    { header: "综合得分", key: "score", width: 10 },
    { header: "推荐理由", key: "statement", width: 60 },
  ];
  writeTitleAndHeaders(sheet, title, columns);
  let seq = 0;
  for (const group of groupByTier(campaign.tiers, campaign.nominations)) {
    for (const level of group.levels) {
      for (const { tier, entries } of level.tiers) {
        for (const entry of entries) {
          const row = sheet.addRow({
            seq: ++seq,
            category: CATEGORY_LABELS[entry.category],
            level: LEVEL_LABELS[entry.level],
            tier: tier.name,
            unit: entry.unit.name,
            name: entry.category === "WORK" ? (entry.project?.title ?? "") : (entry.personName ?? ""),
            title: entry.personTitle ?? "",
            led: entry.ledProjects.map((p) => p.project.title).join("、"),
            // The score the ranking kept, so the sheet matches the announced list.
            score: entry.score ?? null,
            statement: entry.statement,
          });
          row.getCell("score").numFmt = "0.00";
          row.alignment = { vertical: "top", wrapText: true };
        }
      }
    }
  }
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
