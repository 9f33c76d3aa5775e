import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { eventFormOptions } from "@/lib/events/queries";
import { Card, PageHeader } from "@/components/ui/page";
import { EventForm } from "@/components/events/event-form";

export const metadata: Metadata = { title: "筹备活动" };

export default async function NewEventPage() {
  await requirePermission("events.manage");
  const options = await eventFormOptions();
  return (
    <div className="max-w-4xl">
      <PageHeader title="筹备活动" description="现场会、经验交流会或理论研讨会：时间地点、承办单位、展示的项目、邀请的单位和议程。保存后可预览通知，再印发。" />
      <Card>
        <EventForm {...options} />
      </Card>
    </div>
  );
}
