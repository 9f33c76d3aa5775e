import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { getMeeting } from "@/lib/township-meetings/queries";
import { formatDate } from "@/lib/time";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader, SavedNotice } from "@/components/ui/page";

export const metadata: Metadata = { title: "组织委员例会" };

export default async function TownshipMeetingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const user = await requirePermission("meetings.view");
  const meeting = await getMeeting((await params).id);
  if (!meeting) return notFoundAudited(user, { entityType: "TownshipMeeting", id: (await params).id });
  // Another unit's project page is not open to a township, so its title is shown without a link.
  const opensProject = (unitId: string) => seesWholeCounty(user.roles) || unitId === user.unitId;
  return (
    <div className="max-w-4xl space-y-4">
      <SavedNotice show={(await searchParams).saved} />
      <PageHeader
        title={`乡镇组织委员例会（${formatDate(meeting.heldOn)}）`}
        description={`${meeting.place} · 主持人：${meeting.host}`}
        actions={
          <>
            <Link href={`/township-meetings/${meeting.id}/minutes`} className={buttonClass("secondary")}>
              例会纪要
            </Link>
            {can(user.roles, "meetings.manage") && (
              <Link href={`/township-meetings/${meeting.id}/edit`} className={buttonClass()}>
                修改
              </Link>
            )}
          </>
        }
      />
      <Card title="参会人员">
        <p className="text-sm whitespace-pre-wrap">{meeting.attendees}</p>
      </Card>
      <Card title={`各乡镇交流的做法（${meeting.shares.length}）`}>
        <ol className="space-y-3 text-sm" aria-label="交流的做法">
          {meeting.shares.map((share) => (
            <li key={share.id} className="border-l-2 border-brand-100 pl-3">
              <div className="font-medium">
                <Link href={`/township-meetings?unitId=${share.unit.id}`} className="link" title="该乡镇在历次例会上交流的做法">
                  {share.unit.name}
                </Link>
              </div>
              <div className="whitespace-pre-wrap">{share.practice}</div>
              {share.project && (
                <div className="text-stone-600">
                  项目：
                  {opensProject(share.unitId) ? (
                    <Link href={`/projects/${share.project.id}`} className="link">
                      {share.project.title}
                    </Link>
                  ) : (
                    share.project.title
                  )}
                  （{share.project.year.year} 年度）
                </div>
              )}
            </li>
          ))}
        </ol>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="查询问题">
          <p className="text-sm whitespace-pre-wrap">{meeting.problems ?? "未记录。"}</p>
        </Card>
        <Card title="跟进事项">
          <p className="text-sm whitespace-pre-wrap">{meeting.followUps ?? "未记录。"}</p>
        </Card>
      </div>
    </div>
  );
}
