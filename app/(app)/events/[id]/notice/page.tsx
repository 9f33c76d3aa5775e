import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { EventDocumentPage } from "@/components/events/event-document-page";

export const metadata: Metadata = { title: "活动通知" };

export default async function EventNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("events.view");
  return <EventDocumentPage user={user} id={(await params).id} type="event-notice" />;
}
