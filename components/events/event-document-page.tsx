import Link from "next/link";
import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/current-user";
import { eventForDocument } from "@/lib/events/queries";
import { countyName } from "@/lib/topics/queries";
import { eventCompilationDocument, eventMinutesDocument, eventNoticeDocument } from "@/lib/documents/event-documents";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";

const BUILD = { "event-notice": eventNoticeDocument, "event-minutes": eventMinutesDocument, "event-compilation": eventCompilationDocument } as const;
const PRINT = { "event-notice": "打印通知", "event-minutes": "打印纪要", "event-compilation": "打印汇编" } as const;

/** The notice, minutes or compilation of an event: the page, print, PDF and Word, for the readers of its page. */
export async function EventDocumentPage({ user, id, type }: { user: CurrentUser; id: string; type: keyof typeof BUILD }) {
  const event = await eventForDocument(user, id);
  if (!event) notFound();
  if (type === "event-minutes" && !event.minutes) notFound();
  if (type === "event-compilation" && event.submissions.length === 0) notFound();
  const doc = BUILD[type](await countyName(), event);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label={PRINT[type]} />
        <DocumentDownloads type={type} id={event.id} />
        <Link href={`/events/${event.id}`} className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      {type === "event-notice" && event.state === "PLANNING" && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden">通知尚未印发，这是预览。</p>
      )}
      <DocumentView doc={doc} />
    </div>
  );
}
