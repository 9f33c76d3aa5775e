"use client";

import { removeLedgerAttachment, uploadLedgerAttachment } from "@/lib/ledger/actions";
import { FileBox, type StoredFile } from "@/components/ui/file-box";

/** The evidence files of a problem; the keeper uploads and removes them while it is being worked on. */
export function EvidenceFiles({ problemId, files, editable }: { problemId: string; files: StoredFile[]; editable: boolean }) {
  return (
    <FileBox
      files={files}
      downloadBase={`/ledger/${problemId}/attachments`}
      editable={editable}
      upload={uploadLedgerAttachment}
      remove={removeLedgerAttachment}
      fields={{ problemId }}
      inputId="evidence-file"
      noun="佐证材料"
    />
  );
}
