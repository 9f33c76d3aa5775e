import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { decidableProjects, getMeeting } from "@/lib/hearings/queries";
import { countyName } from "@/lib/topics/queries";
import { VERDICT_LABELS } from "@/lib/hearings/labels";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { OfficialDocument } from "@/components/documents/official-document";
import { DecisionForm } from "@/components/hearings/meeting-forms";

export const metadata: Metadata = { title: "部务会" };

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("hearings.view");
  const meeting = await getMeeting((await params).id);
  if (!meeting) notFound();
  const [county, projects] = await Promise.all([countyName(), can(user.roles, "hearings.manage") ? decidableProjects(meeting.yearId) : []]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印审定结果" />
        <a href={`/hearings/meetings/${meeting.id}/export`} className={buttonClass("secondary")}>
          导出 Excel
        </a>
        <Link href={`/hearings/meetings?year=${meeting.year.year}`} className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      <OfficialDocument county={county} title={`部务会（${meeting.number}）创新项目审定结果`} label="部务会审定结果" date={meeting.heldAt}>
        <p className="official-body">
          {formatDateTime(meeting.heldAt)}，部务会对{meeting.year.year}年度组织工作改革创新申报项目进行了审定。参会人员：{meeting.attendees}。
        </p>
        <table className="mt-4 w-full border-collapse text-[15px]" aria-label="审定结果">
          <thead>
            <tr>
              {["序号", "项目名称", "申报单位", "审定结果", "审定意见"].map((h) => (
                <th key={h} className="border border-black px-2 py-1 font-bold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {meeting.decisions.map((decision, index) => (
              <tr key={decision.id}>
                <td className="border border-black px-2 py-1 text-center">{index + 1}</td>
                <td className="border border-black px-2 py-1">
                  <Link href={`/projects/${decision.project.id}`}>{decision.project.title}</Link>
                </td>
                <td className="border border-black px-2 py-1">{decision.project.unit.name}</td>
                <td className="border border-black px-2 py-1 text-center">{VERDICT_LABELS[decision.verdict]}</td>
                <td className="border border-black px-2 py-1">{decision.opinion}</td>
              </tr>
            ))}
            {meeting.decisions.length === 0 && (
              <tr>
                <td colSpan={5} className="border border-black px-2 py-3 text-center">
                  尚未记录审定结果
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </OfficialDocument>
      {can(user.roles, "hearings.manage") && (
        <Card title="记录审定结果" className="max-w-2xl print:hidden">
          <DecisionForm meetingId={meeting.id} projects={projects.map((p) => ({ id: p.id, version: p.version, label: `${p.title}（${p.unit.name}，${STATE_LABELS[p.state]}）` }))} />
        </Card>
      )}
    </div>
  );
}
