import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { decidableProjects, getMeeting } from "@/lib/hearings/queries";
import { hearingPageSchema } from "@/lib/hearings/schemas";
import { PickFilter } from "@/components/ui/pick-filter";
import { countyName } from "@/lib/topics/queries";
import { meetingListDocument } from "@/lib/documents/meeting-list";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { Card } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";
import { DecisionForm } from "@/components/hearings/meeting-forms";

export const metadata: Metadata = { title: "部务会" };

export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("hearings.view");
  const meeting = await getMeeting((await params).id);
  if (!meeting) return notFoundAudited(user, { entityType: "Meeting", id: (await params).id });
  const { q } = hearingPageSchema.parse(await searchParams);
  const [county, decidable] = await Promise.all([
    countyName(),
    can(user.roles, "hearings.manage") ? decidableProjects(meeting.yearId, q) : { total: 0, projects: [] },
  ]);
  const projects = decidable.projects;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印审定结果" />
        <DocumentDownloads type="meeting-list" id={meeting.id} />
        <a href={`/hearings/meetings/${meeting.id}/export`} className={buttonClass("secondary")}>
          导出 Excel
        </a>
        <Link href={`/hearings/meetings?year=${meeting.year.year}`} className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      <DocumentView doc={meetingListDocument(county, meeting)} />
      {can(user.roles, "hearings.manage") && (
        <Card title="记录审定结果" className="max-w-2xl print:hidden">
          <PickFilter total={decidable.total} shown={projects.length} q={q} label="查找待审定的项目" />
          <DecisionForm
            meetingId={meeting.id}
            projects={projects.map((p) => ({ id: p.id, version: p.version, label: `${p.title}（${p.unit.name}，${STATE_LABELS[p.state]}）` }))}
          />
        </Card>
      )}
    </div>
  );
}
