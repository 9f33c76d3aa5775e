// 申报书: one submitted version of a project's proposal as the unit prints it, signs and seals it (issue 20 point 3).
// Built from the version's snapshot (what was submitted then), with the project's unit, year and code. Pure.
import { INNOVATION_KIND_LABELS, INNOVATION_STANDARDS, TEN_METHODS } from "@/lib/projects/catalog";
import type { Snapshot } from "@/lib/projects/snapshot";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/rules";
import { formatDate, formatDateTime } from "@/lib/time";
import { chineseNumber, type Block, type OfficialDoc } from "./model";

export type ProposalVersion = {
  id: string;
  number: number;
  submittedAt: Date;
  submittedBy: string | null;
  snapshot: unknown;
  project: { code: string | null; unit: { name: string }; year: { year: number }; topic: { code: string; title: string } | null };
};

/** The lines of a text as paragraphs (Word breaks a paragraph, not a run, at a line end). */
function paragraphs(text: string | null | undefined): Block[] {
  const lines = (text ?? "")
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length ? lines.map((line) => ({ kind: "paragraph", text: line })) : [{ kind: "paragraph", text: "（未填写）" }];
}

export const PROPOSAL_SIGNATURE = ["申报单位（盖章）：", "单位负责人（签字）：", "日期：　　　　年　　月　　日"];

export function proposalDocument(version: ProposalVersion): OfficialDoc {
  const s = (version.snapshot ?? {}) as Snapshot;
  const { project } = version;
  const title = s.title ?? "";
  const section = (() => {
    let n = 0;
    return (text: string): Block => ({ kind: "heading", text: `${chineseNumber(++n)}、${text}` });
  })();
  const milestones = s.milestones ?? [];
  const attachments = s.attachments ?? [];
  return {
    type: "proposal",
    id: version.id,
    issuer: project.unit.name,
    number: [project.code ? `项目编号：${project.code}` : null, `第 ${version.number} 版`].filter(Boolean).join("　"),
    title: `${project.year.year}年度组织工作改革创新项目申报书`,
    label: `申报书（第 ${version.number} 版）`,
    date: version.submittedAt,
    letterhead: false,
    signature: PROPOSAL_SIGNATURE,
    fileName: `${title}申报书（第${version.number}版）`,
    blocks: [
      {
        kind: "fields",
        label: "项目基本情况",
        rows: [
          { label: "项目名称", value: title },
          { label: "申报单位", value: project.unit.name },
          { label: "申报年度", value: `${project.year.year}年度` },
          ...(project.topic ? [{ label: "承接选题", value: `${project.topic.code} ${project.topic.title}` }] : []),
          { label: "类别", value: s.category ? CATEGORY_LABELS[s.category] : "" },
          { label: "着眼领域", value: s.focus ? FOCUS_LABELS[s.focus] : "" },
          { label: "目标层次", value: s.tier ? TIER_LABELS[s.tier] : "" },
          { label: "党组织领域", value: (s.sectorNames ?? []).join("、") },
          { label: "创新类型", value: (s.innovationKinds ?? []).map((k) => INNOVATION_KIND_LABELS[k]).join("、") },
          { label: "“十个一”方法", value: (s.methods ?? []).map((m) => TEN_METHODS[m]?.label ?? m).join("、") },
          { label: "责任领导", value: s.leaderName ?? "" },
          { label: "联系方式", value: s.leaderContact ?? "" },
        ],
      },
      section("拟解决的问题"),
      ...paragraphs(s.problem),
      section("目标"),
      ...paragraphs(s.goals),
      section("主要措施"),
      ...paragraphs(s.measures),
      section("预期成效"),
      ...paragraphs(s.expectedResults),
      section("实施节点"),
      {
        kind: "table",
        label: "实施节点",
        columns: ["序号", "完成时间", "节点内容"],
        center: [0, 1],
        rows: milestones.map((m, i) => [String(i + 1), m.dueDate ? formatDate(new Date(m.dueDate)) : "未定", m.title]),
        empty: "（未填写）",
      },
      section("投入保障（预算）"),
      {
        kind: "fields",
        label: "投入保障",
        rows: [
          { label: "人力投入", value: s.inputPeople || "（无）" },
          { label: "资金投入", value: s.inputMoney || "（无）" },
          { label: "物资投入", value: s.inputMaterials || "（无）" },
        ],
      },
      section("对照创新标准自评"),
      ...INNOVATION_STANDARDS.map(
        (standard, index): Block => ({
          kind: "item",
          title: `${index + 1}. ${standard.label}`,
          paragraphs: (s.selfAssessment?.[standard.key] ?? "（未填写）").split(/\n+/).filter(Boolean),
        }),
      ),
      section("附件"),
      attachments.length ? { kind: "list", items: attachments } : { kind: "paragraph", text: "（无）" },
      {
        kind: "paragraph",
        meta: true,
        text: `本申报书为第 ${version.number} 版，${formatDateTime(version.submittedAt)} 由${version.submittedBy ?? "申报单位"}提交。`,
      },
    ],
  };
}
