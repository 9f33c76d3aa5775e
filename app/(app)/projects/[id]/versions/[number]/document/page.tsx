import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { proposalVersionFor } from "@/lib/projects/queries";
import { proposalDocument } from "@/lib/documents/proposal";
import { z } from "@/lib/validation";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";

export const metadata: Metadata = { title: "申报书" };

/** 申报书: one submitted version, to print, sign and seal, or download as PDF or Word; for whoever may see the project. */
export default async function ProposalDocumentPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const user = await requirePermission("projects.view");
  const { id, number } = await params;
  const versionNumber = z.coerce.number().int().min(1).max(1000).safeParse(number);
  const version = versionNumber.success ? await proposalVersionFor(user, { projectId: id, number: versionNumber.data }) : null;
  if (!version) return notFoundAudited(user, { entityType: "ProjectVersion", id: `${id}/${number}` });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印 / 另存为 PDF" />
        <DocumentDownloads type="proposal" id={version.id} />
        <Link href={`/projects/${id}`} className={buttonClass("secondary")}>
          返回项目
        </Link>
      </div>
      <DocumentView doc={proposalDocument(version)} />
    </div>
  );
}
