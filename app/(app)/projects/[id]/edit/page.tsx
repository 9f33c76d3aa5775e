import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { carries } from "@/lib/projects/carrier";
import { getProject } from "@/lib/projects/queries";
import { EDITABLE_STATES, STATE_LABELS } from "@/lib/projects/catalog";
import { proposalOf } from "@/lib/projects/proposal";
import { activeSectors } from "@/lib/sectors/queries";
import { programmeOptions } from "@/lib/plan/queries";
import { PageHeader } from "@/components/ui/page";
import { ProposalForm } from "@/components/projects/proposal-form";
import { AttachmentList } from "@/components/projects/attachments";
import { Notice } from "@/components/ui/field";

export const metadata: Metadata = { title: "填写申报书" };

export default async function EditProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("projects.carry");
  const project = await getProject(user, (await params).id);
  if (!project || !carries(user, project)) return notFoundAudited(user, { entityType: "Project", id: (await params).id });
  if (!EDITABLE_STATES.includes(project.state)) {
    return (
      <Notice tone="warning">
        该申报书“{STATE_LABELS[project.state]}”，不能修改。
        <Link className="link" href={`/projects/${project.id}`}>
          返回项目
        </Link>
      </Notice>
    );
  }
  const initial = proposalOf(project);
  const active = await activeSectors();
  const named = project.sectors.filter((s) => !active.some((a) => a.id === s.sectorId)).map((s) => ({ id: s.sectorId, ...s.sector }));
  const sectors = [...active, ...named];
  const offered = await programmeOptions(user, project.yearId);
  const programmes = project.programme && !offered.some((p) => p.id === project.programme?.id) ? [...offered, project.programme] : offered;
  const returned = [...project.events].reverse().find((event) => event.kind === "return" || event.kind === "revise");
  return (
    <div>
      <PageHeader
        title={project.title ? `申报书：${project.title}` : "填写申报书"}
        description={`${project.year.year} 年度 · ${project.unit.name}${project.topic ? ` · 选题 ${project.topic.code}` : ""}`}
      />
      {project.state !== "DRAFT" && returned?.note && (
        <div className="mb-4">
          <Notice tone="warning">退回意见：{returned.note}</Notice>
        </div>
      )}
      <ProposalForm
        project={{ id: project.id, version: project.version, resubmit: project.state !== "DRAFT" }}
        initial={initial}
        sectors={sectors}
        programmes={programmes}
        attachments={<AttachmentList projectId={project.id} attachments={project.attachments} editable />}
      />
    </div>
  );
}
