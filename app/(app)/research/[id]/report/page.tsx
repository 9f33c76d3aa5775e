import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { researchReportData } from "@/lib/research/queries";
import { formatRate } from "@/lib/research/rules";
import { countyName } from "@/lib/topics/queries";
import { researchReportDocument } from "@/lib/documents/research-report";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { DocumentDownloads, DocumentView } from "@/components/documents/document-view";

export const metadata: Metadata = { title: "调研报告" };

export default async function ResearchReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("research.view");
  const report = await researchReportData(user, (await params).id);
  if (!report) return notFoundAudited(user, { entityType: "ResearchTopic", id: (await params).id });
  const county = await countyName();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton label="打印报告" />
        <DocumentDownloads type="research-report" id={report.id} />
        <Link href={`/research/${report.id}`} className={buttonClass("secondary")}>
          返回
        </Link>
      </div>
      <DocumentView doc={researchReportDocument(county, report, formatRate(report.rate))} />
    </div>
  );
}
