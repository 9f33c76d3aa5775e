// The projects one leads after winning an individual bid (decision 0083): what to do next on each, and the quarterly
// reports it owes. A department cadre has no unit dashboard, so this is where their project's to-do lives.
import Link from "next/link";
import type { ProjectState } from "@/lib/generated/prisma/enums";
import { EDITABLE_STATES } from "@/lib/projects/catalog";
import { QUARTER_LABELS, type CellStatus, type Quarter } from "@/lib/reports/quarters";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/page";
import { StateBadge } from "@/components/projects/state-badge";
import { CellBadge } from "@/components/reports/cell-badge";

type Led = { id: string; title: string; code: string | null; state: ProjectState; year: { year: number }; unit: { name: string } };
type Due = { project: { id: string }; year: number; quarter: Quarter; status: CellStatus; deadline: Date };

export function LedProjects({ projects, reports }: { projects: Led[]; reports: Due[] }) {
  return (
    <Card title="我牵头的项目">
      <ul className="divide-y divide-stone-100 text-sm" aria-label="我牵头的项目">
        {projects.map((project) => {
          const owed = reports.filter((r) => r.project.id === project.id && r.status !== "accepted" && r.status !== "submitted");
          return (
            <li key={project.id} className="space-y-1 py-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/projects/${project.id}`} className="link font-medium">
                  {project.title || "（未命名的申报书）"}
                </Link>
                <StateBadge state={project.state} />
              </div>
              <p className="text-xs text-stone-500">
                {project.code ? `${project.code} · ` : ""}
                {project.year.year} 年度 · {project.unit.name}
              </p>
              {EDITABLE_STATES.includes(project.state) && (
                <Link href={`/projects/${project.id}/edit`} className="link text-sm">
                  {project.state === "DRAFT" ? "填写并提交申报书 →" : "修改申报书后重新提交 →"}
                </Link>
              )}
              {owed.map((r) => (
                <p key={`${r.year}-${r.quarter}`} className="flex flex-wrap items-center gap-2">
                  <Link href={`/reports/${project.id}/${r.year}/${r.quarter}`} className="link">
                    {r.year}年{QUARTER_LABELS[r.quarter]}进展
                  </Link>
                  <CellBadge status={r.status} />
                  <span className="text-xs text-stone-500">截止 {formatDateTime(r.deadline)}</span>
                </p>
              ))}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
