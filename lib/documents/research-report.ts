// 调研报告 of a research topic (调查研究课题): the 症结性问题, the analysis, the proposals to the leaders and, once
// marked, how each was taken up. Pure.
import { officialDate } from "@/lib/time";
import { chineseNumber, issuerOf, type Block, type OfficialDoc } from "./model";

type Report = {
  id: string;
  title: string;
  question: string;
  year: { year: number };
  area: { name: string };
  section: { name: string };
  lead: { name: string };
  members: { user: { name: string } }[];
  problems: string | null;
  analysis: string | null;
  submittedAt: Date | null;
  proposals: { seq: number; text: string; mark: "ADOPTED" | "PARTLY" | "NOT_ADOPTED" | null; markNote: string | null; leaderName: string | null }[];
};

const MARKS = { ADOPTED: "采纳", PARTLY: "部分采纳", NOT_ADOPTED: "未采纳" } as const;

/** Paragraphs of a text typed with line breaks. */
function paragraphs(text: string | null): Block[] {
  return (text ?? "")
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: "paragraph", text: line }));
}

export function researchReportDocument(county: string, report: Report, rateText: string): OfficialDoc {
  const title = `关于${report.title}的调研报告`;
  const team = [report.lead.name, ...report.members.map((m) => m.user.name)].join("、");
  const marked = report.proposals.filter((p) => p.mark);
  const sections: { heading: string; blocks: Block[] }[] = [
    { heading: "症结性问题", blocks: paragraphs(report.problems) },
    { heading: "原因分析", blocks: paragraphs(report.analysis) },
    { heading: "对策建议", blocks: [{ kind: "list", items: report.proposals.map((p) => p.text) }] },
    ...(marked.length > 0
      ? [
          {
            heading: "领导批示采纳情况",
            blocks: [
              {
                kind: "table",
                label: "建议采纳情况",
                columns: ["建议", "采纳情况", "批示领导", "批示意见"],
                rows: report.proposals.map((p) => [`建议${p.seq}`, p.mark ? MARKS[p.mark] : "待批示", p.leaderName ?? "", p.markNote ?? ""]),
                center: [0, 1, 2],
              } as Block,
              { kind: "paragraph", text: `采纳率：${rateText}（采纳与部分采纳的建议占已批示建议的比例）。`, meta: true } as Block,
            ],
          },
        ]
      : []),
  ];
  return {
    type: "research-report",
    id: report.id,
    issuer: issuerOf(county),
    title,
    subtitle: `（${report.year.year}年度调查研究课题）`,
    label: "调研报告",
    date: report.submittedAt,
    fileName: title,
    blocks: [
      {
        kind: "paragraph",
        text: `课题：${report.title}。调研领域：${report.area.name}。研究的问题：${report.question}。课题组：${team}（${report.section.name}牵头）。`,
      },
      ...sections.flatMap((section, index): Block[] => [{ kind: "heading", text: `${chineseNumber(index + 1)}、${section.heading}` }, ...section.blocks]),
      ...(report.submittedAt ? [{ kind: "paragraph", text: `报告提交于${officialDate(report.submittedAt)}。`, meta: true } as Block] : []),
    ],
  };
}
