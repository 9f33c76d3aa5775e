import type { ReactNode } from "react";
import { INNOVATION_KIND_LABELS, INNOVATION_STANDARDS, TEN_METHODS, type SelfAssessment } from "@/lib/projects/catalog";
import type { StoredProposal } from "@/lib/projects/proposal";
import { CATEGORY_LABELS } from "@/lib/suggestions/categories";
import { FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/vocabulary";
import { formatDate } from "@/lib/time";
import { sectorLabels } from "@/lib/sectors/label";

type Proposal = StoredProposal & {
  sectors: { sectorId: string; sector: { name: string; grouping: string | null } }[];
  finalSummary?: string | null;
  milestones: { id: string; title: string; dueDate: Date | null }[];
};

/** The proposal as the department, the unit and the reviewers read it. */
export function ProposalView({ project }: { project: Proposal }) {
  const self = (project.selfAssessment ?? {}) as SelfAssessment;
  return (
    <div className="space-y-4 text-sm">
      <dl className="grid gap-x-3 gap-y-2 sm:grid-cols-[8rem_1fr]">
        <Row label="责任领导">{[project.leaderName, project.leaderContact].filter(Boolean).join(" · ")}</Row>
        <Row label="类别 · 领域 · 层次">
          {[project.category && CATEGORY_LABELS[project.category], project.focus && FOCUS_LABELS[project.focus], project.tier && TIER_LABELS[project.tier]]
            .filter(Boolean)
            .join(" · ")}
        </Row>
        <Row label="党组织领域">{sectorLabels(project.sectors)}</Row>
        <Row label="拟解决的问题">{project.problem}</Row>
        <Row label="创新类型">{project.innovationKinds.map((kind) => INNOVATION_KIND_LABELS[kind]).join("、")}</Row>
        <Row label="“十个一”方法">{project.methods.map((method) => TEN_METHODS[method].label).join("、")}</Row>
        <Row label="目标">{project.goals}</Row>
        <Row label="主要措施">{project.measures}</Row>
        <Row label="预期成效">{project.expectedResults}</Row>
        <Row label="投入">
          {[
            project.inputPeople && `人力：${project.inputPeople}`,
            project.inputMoney && `资金：${project.inputMoney}`,
            project.inputMaterials && `物资：${project.inputMaterials}`,
          ]
            .filter(Boolean)
            .join("\n")}
        </Row>
        <Row label="实施节点">{project.milestones.map((m) => `${formatDate(m.dueDate) || "（未定日期）"}  ${m.title}`).join("\n")}</Row>
        {project.finalSummary && <Row label="结项总结">{project.finalSummary}</Row>}
      </dl>
      <div>
        <h3 className="mb-1 font-medium text-stone-700">对照创新标准自评</h3>
        <ol className="space-y-2">
          {INNOVATION_STANDARDS.map((standard, index) => (
            <li key={standard.key}>
              <div className="text-stone-500">
                {index + 1}. {standard.label}
              </div>
              <div className="whitespace-pre-wrap">{self[standard.key] || "—"}</div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-stone-500">{label}</dt>
      <dd className="whitespace-pre-wrap">{children || "—"}</dd>
    </>
  );
}
