"use client";

import { removeAttachment, uploadAttachment } from "@/lib/projects/actions";
import { uploadReportAttachment } from "@/lib/reports/actions";
import { FileBox, type StoredFile } from "@/components/ui/file-box";

/** A proposal's files, or with `report` a quarterly report's (they hang off the project and go with that report). */
export function AttachmentList({
  projectId,
  attachments,
  editable,
  report,
}: {
  projectId: string;
  attachments: StoredFile[];
  editable: boolean;
  report?: { year: number; quarter: number };
}) {
  return (
    <FileBox
      files={attachments}
      downloadBase={`/projects/${projectId}/attachments`}
      editable={editable}
      upload={report ? uploadReportAttachment : uploadAttachment}
      remove={removeAttachment}
      fields={report ? { projectId, year: report.year, quarter: report.quarter } : { projectId }}
      inputId="attachment"
    />
  );
}
