"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { removeAttachment, uploadAttachment } from "@/lib/projects/actions";
import { uploadReportAttachment } from "@/lib/reports/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type Attachment = { id: string; fileName: string; size: number };

export function formatSize(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The attachment list; with `editable`, upload and remove. Files download through the app, checked each time. */
export function AttachmentList({
  projectId,
  attachments,
  editable,
  hint,
  report,
}: {
  projectId: string;
  attachments: Attachment[];
  editable: boolean;
  hint?: string;
  report?: { year: number; quarter: number };
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  // A quarterly report's files go with the report; the proposal's with the project.
  const upload = useAction((report ? uploadReportAttachment : uploadAttachment) as typeof uploadAttachment);
  const remove = useAction(removeAttachment);
  async function onUpload() {
    const file = input.current?.files?.[0];
    if (!file) return setError("请先选择文件");
    if (file.size > 20 * 1024 * 1024) return setError("文件超过 20 MB");
    const form = new FormData();
    form.set("projectId", projectId);
    form.set("file", file);
    if (report) {
      form.set("year", String(report.year));
      form.set("quarter", String(report.quarter));
    }
    const result = await upload.executeAsync(form);
    if (result?.data) {
      setError(undefined);
      if (input.current) input.current.value = "";
      router.refresh();
    } else setError(result?.serverError ?? Object.values(result?.validationErrors?.fieldErrors ?? {}).flat()[0] ?? "上传失败");
  }
  return (
    <div className="space-y-2" data-field="attachment">
      {attachments.length === 0 ? (
        <p className="text-sm text-stone-500">暂无附件。</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="附件">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="flex flex-wrap items-center gap-2">
              <a href={`/projects/${projectId}/attachments/${attachment.id}`} className="link" download>
                {attachment.fileName}
              </a>
              <span className="text-xs text-stone-500">{formatSize(attachment.size)}</span>
              {editable && (
                <button
                  type="button"
                  className="text-xs text-red-700 hover:underline"
                  onClick={async () => {
                    if (!window.confirm(`删除附件“${attachment.fileName}”？`)) return;
                    await remove.executeAsync({ id: attachment.id });
                    router.refresh();
                  }}
                >
                  删除
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="attachment" className="sr-only">
            选择附件
          </label>
          <input ref={input} id="attachment" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" className="text-sm" />
          <Button type="button" variant="secondary" pending={upload.isPending} onClick={() => void onUpload()}>
            上传附件
          </Button>
        </div>
      )}
      {hint && editable && <p className="text-xs text-stone-500">{hint}</p>}
      <FormError message={error ?? remove.result.serverError} />
    </div>
  );
}
