"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { removeLedgerAttachment, uploadLedgerAttachment } from "@/lib/ledger/actions";
import { formatSize } from "@/components/projects/attachments";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type File_ = { id: string; fileName: string; size: number };

/** The evidence files of a problem; the keeper uploads and removes them while it is being worked on. */
export function EvidenceFiles({ problemId, files, editable }: { problemId: string; files: File_[]; editable: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const upload = useAction(uploadLedgerAttachment);
  const remove = useAction(removeLedgerAttachment);
  async function onUpload() {
    const file = input.current?.files?.[0];
    if (!file) return setError("请先选择文件");
    if (file.size > 20 * 1024 * 1024) return setError("文件超过 20 MB");
    const form = new FormData();
    form.set("problemId", problemId);
    form.set("file", file);
    const result = await upload.executeAsync(form);
    if (result?.data) {
      setError(undefined);
      if (input.current) input.current.value = "";
      router.refresh();
    } else setError(result?.serverError ?? Object.values(result?.validationErrors?.fieldErrors ?? {}).flat()[0] ?? "上传失败");
  }
  return (
    <div className="space-y-2">
      {files.length === 0 ? (
        <p className="text-sm text-stone-500">暂无佐证材料。</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="佐证材料">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-2">
              <a href={`/ledger/${problemId}/attachments/${file.id}`} className="link break-all" download>
                {file.fileName}
              </a>
              <span className="text-xs text-stone-500">{formatSize(file.size)}</span>
              {editable && (
                <button
                  type="button"
                  className="text-xs text-red-700 hover:underline"
                  onClick={async () => {
                    if (!window.confirm(`删除“${file.fileName}”？`)) return;
                    await remove.executeAsync({ id: file.id });
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
          <label htmlFor="evidence-file" className="sr-only">
            选择佐证材料
          </label>
          <input ref={input} id="evidence-file" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" className="max-w-full text-sm" />
          <Button type="button" variant="secondary" pending={upload.isPending} onClick={() => void onUpload()}>
            上传佐证材料
          </Button>
        </div>
      )}
      <FormError message={error ?? remove.result.serverError} />
    </div>
  );
}
