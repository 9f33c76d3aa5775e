import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getProject } from "@/lib/projects/queries";
import { decisionForNotice } from "@/lib/hearings/queries";
import { countyName } from "@/lib/topics/queries";
import { decisionNoticeDocument } from "@/lib/documents/decision-notice";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";

export const metadata: Metadata = { title: "审定通知" };

/** The decision notice (立项通知 / 修改意见通知 / 不予立项通知), for whoever may see the project. */
export default async function NoticePage({ params }: { params: Promise<{ id: string; decisionId: string }> }) {
  const user = await requirePermission("projects.view");
  const { id, decisionId } = await params;
  const project = await getProject(user, id);
  const decision = project ? await decisionForNotice(decisionId, project.id) : null;
  if (!decision) return notFoundAudited(user, project ? { entityType: "Decision", id: decisionId } : { entityType: "Project", id });
  const county = await countyName();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <DocumentDownloads type="decision-notice" id={decision.id} />
        <Link href={`/projects/${id}`} className={buttonClass("secondary")}>
          返回项目
        </Link>
      </div>
      <DocumentView doc={decisionNoticeDocument(county, decision)} />
    </div>
  );
}
