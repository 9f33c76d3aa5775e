import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { eventFormOptions, getEvent } from "@/lib/events/queries";
import { EVENT_MACHINE } from "@/lib/events/states";
import { toDateTimeLocal } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { EventForm } from "@/components/events/event-form";

export const metadata: Metadata = { title: "修改活动安排" };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("events.manage");
  const event = await getEvent(user, (await params).id);
  if (!event) return notFoundAudited(user, { entityType: "Event", id: (await params).id });
  const projectIds = event.projects.map((p) => p.project.id);
  const options = await eventFormOptions(projectIds);
  const refusal = EVENT_MACHINE.problem("edit", event.state, "staff");
  return (
    <div className="max-w-4xl space-y-3">
      <PageHeader title={`修改活动安排：${event.title}`} description={event.state === "NOTIFIED" ? "通知已印发：新邀请的单位会收到消息。" : undefined} />
      {refusal ? (
        <Notice tone="warning">{refusal}</Notice>
      ) : (
        <Card>
          <EventForm
            event={{ id: event.id, version: event.version }}
            initial={{
              kind: event.kind,
              title: event.title,
              startsAt: toDateTimeLocal(event.startsAt),
              place: event.place,
              siteProjectId: event.siteProjectId ?? "",
              hostUnitId: event.hostUnitId,
              agenda: event.agenda,
              submissionDeadline: toDateTimeLocal(event.submissionDeadline),
              noticeNumber: event.noticeNumber ?? "",
              projectIds,
              unitIds: event.invitations.map((i) => i.unitId),
            }}
            {...options}
          />
        </Card>
      )}
    </div>
  );
}
