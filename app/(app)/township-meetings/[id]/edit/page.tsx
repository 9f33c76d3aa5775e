import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getMeeting, meetingFormOptions } from "@/lib/township-meetings/queries";
import { formatDate } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { MeetingForm } from "@/components/township-meetings/meeting-form";

export const metadata: Metadata = { title: "修改组织委员例会" };

export default async function EditTownshipMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("meetings.manage");
  const meeting = await getMeeting((await params).id);
  if (!meeting) return notFoundAudited(user, { entityType: "TownshipMeeting", id: (await params).id });
  const today = formatDate(new Date());
  const heldOn = formatDate(meeting.heldOn);
  const thisYear = Number(today.slice(0, 4));
  const linked = meeting.shares.flatMap((s) => (s.project ? [{ id: s.project.id, title: s.project.title, unitId: s.unitId, year: s.project.year.year }] : []));
  const { townships, projects } = await meetingFormOptions(Math.min(Number(heldOn.slice(0, 4)), thisYear - 1), thisYear, linked);
  // A township merged away since the meeting still shows under its name.
  for (const share of meeting.shares) if (!townships.some((t) => t.id === share.unit.id)) townships.push(share.unit);
  const initial = {
    heldOn,
    place: meeting.place,
    host: meeting.host,
    attendees: meeting.attendees,
    problems: meeting.problems ?? "",
    followUps: meeting.followUps ?? "",
    shares: meeting.shares.map((s) => ({ unitId: s.unitId, practice: s.practice, projectId: s.projectId ?? "" })),
  };
  return (
    <div className="max-w-4xl">
      <PageHeader title={`修改例会记录（${heldOn}）`} />
      <Card>
        <MeetingForm meeting={{ id: meeting.id, version: meeting.version }} initial={initial} townships={townships} projects={projects} today={today} />
      </Card>
    </div>
  );
}
