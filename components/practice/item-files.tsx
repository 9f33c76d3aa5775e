"use client";

import type { PracticeKind } from "@/lib/generated/prisma/enums";
import { removePracticeAttachment, uploadPracticeAttachment } from "@/lib/practice/actions";
import { FileBox, type StoredFile } from "@/components/ui/file-box";

/**
 * The files of a 四个一 item. The cadre uploads and removes them while the item is a draft or returned, even before
 * the first 保存草稿 (the first file makes the draft, so the upload carries the item's key, not its id); whoever
 * may read the item downloads them.
 */
export function PracticeFiles({
  itemKey,
  itemId,
  files,
  editable,
  lead,
}: {
  itemKey: { year: number; kind: PracticeKind; period: number };
  itemId: string | null;
  files: StoredFile[];
  editable: boolean;
  lead?: string;
}) {
  return (
    <FileBox
      files={files}
      downloadBase={itemId ? `/practice/items/${itemId}/attachments` : null}
      editable={editable}
      upload={uploadPracticeAttachment}
      remove={removePracticeAttachment}
      fields={itemKey}
      inputId="practice-file"
      lead={lead}
    />
  );
}
