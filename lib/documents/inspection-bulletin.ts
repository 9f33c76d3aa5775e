// 督查通报: the published inspection report; a unit gets only the sections about its own projects
// (getInspection scopes them), exactly as on the page.
import { atRisk, FINDING_LABELS, RECTIFICATION_LABELS } from "@/lib/inspections/labels";
import type { Finding, RectificationStatus } from "@/lib/generated/prisma/enums";
import { QUARTER_LABELS, type Quarter } from "@/lib/reports/quarters";
import { formatDate } from "@/lib/time";
import { issuerOf, type OfficialDoc } from "./model";

type Inspection = {
  id: string;
  year: number;
  quarter: number;
  theme: string;
  overview: string | null;
  publishedAt: Date | null;
  items: {
    finding: Finding | null;
    problems: string | null;
    recommendations: string | null;
    unitReportedBehind: boolean | null;
    project: { title: string; unit: { name: string } };
    rectifications: { content: string; dueAt: Date; status: RectificationStatus; answer: string | null; review: string | null }[];
  }[];
};

export function bulletinTitle(inspection: Pick<Inspection, "year" | "quarter" | "theme">) {
  return `关于${inspection.year}年${QUARTER_LABELS[inspection.quarter as Quarter]}“${inspection.theme}”督查情况的通报`;
}

export function inspectionBulletinDocument(county: string, inspection: Inspection): OfficialDoc {
  const title = bulletinTitle(inspection);
  return {
    type: "inspection-bulletin",
    id: inspection.id,
    issuer: issuerOf(county),
    title,
    label: "督查通报",
    date: inspection.publishedAt,
    fileName: title,
    blocks: [
      ...(inspection.overview ? [{ kind: "paragraph" as const, text: inspection.overview }] : []),
      ...inspection.items.map((item, index) => ({
        kind: "item" as const,
        title: `${index + 1}. ${item.project.unit.name}“${item.project.title}”：${item.finding ? FINDING_LABELS[item.finding] : ""}`,
        note: atRisk(item.finding, item.unitReportedBehind) ? "（风险：单位自报按计划推进）" : undefined,
        paragraphs: [
          ...(item.problems ? [`存在问题：${item.problems}`] : []),
          ...(item.recommendations ? [`意见建议：${item.recommendations}`] : []),
          ...item.rectifications.flatMap((r) => [
            `整改事项：${r.content}（${formatDate(r.dueAt)} 前，${RECTIFICATION_LABELS[r.status]}）`,
            ...(r.answer ? [`单位答复：${r.answer}`] : []),
            ...(r.review ? [`验收意见：${r.review}`] : []),
          ]),
        ],
      })),
    ],
  };
}
