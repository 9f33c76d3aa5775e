import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getMeeting } from "@/lib/township-meetings/queries";
import { countyName } from "@/lib/topics/queries";
import { townshipMinutesDocument } from "@/lib/documents/township-minutes";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";

export const metadata: Metadata = { title: "例会纪要" };

export default async function TownshipMeetingMinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("meetings.view");
  const meeting = await getMeeting((await params).id);
  if (!meeting) return notFoundAudited(user, { entityType: "TownshipMeeting", id: (await params).id });
  const county = await countyName();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印纪要" />
        <DocumentDownloads type="township-minutes" id={meeting.id} />
        <Link href={`/township-meetings/${meeting.id}`} className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      <DocumentView doc={townshipMinutesDocument(county, meeting)} />
    </div>
  );
}
