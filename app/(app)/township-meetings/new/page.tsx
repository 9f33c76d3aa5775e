import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { meetingFormOptions } from "@/lib/township-meetings/queries";
import { formatDate } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { MeetingForm } from "@/components/township-meetings/meeting-form";

export const metadata: Metadata = { title: "记录组织委员例会" };

export default async function NewTownshipMeetingPage() {
  await requirePermission("meetings.manage");
  const today = formatDate(new Date());
  const thisYear = Number(today.slice(0, 4));
  // Last year's meetings may still be entered late, so their projects are offered too.
  const { townships, projects } = await meetingFormOptions(thisYear - 1, thisYear);
  return (
    <div className="max-w-4xl">
      <PageHeader title="记录组织委员例会" description="日期、参会人员，各乡镇交流的做法（可关联本乡镇的创新项目），会上查找的问题和跟进事项" />
      <Card>
        <MeetingForm townships={townships} projects={projects} today={today} />
      </Card>
    </div>
  );
}
