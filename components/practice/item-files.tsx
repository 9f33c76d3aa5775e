"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import type { PracticeKind } from "@/lib/generated/prisma/enums";
import { removePracticeAttachment, uploadPracticeAttachment } from "@/lib/practice/actions";
import { formatSize } from "@/components/projects/attachments";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

type File_ = { id: string; fileName: string; size: number };
type Key = { year: number; kind: PracticeKind; period: number };

/**
 * The files of a 四个一 item. The cadre uploads and removes them while the item is a draft or returned, even before
 * the first 保存草稿 (the first file makes the draft); whoever may read the item downloads them.
 */
export function PracticeFiles({
  itemKey,
  itemId,
  files,
  editable,
  hint,
}: {
  itemKey: Key;
  itemId: string | null;
  files: File_[];
  editable: boolean;
  hint?: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const upload = useAction(uploadPracticeAttachment);
  const remove = useAction(removePracticeAttachment);
  async function onUpload() {
    const file = input.current?.files?.[0];
    if (!file) return setError("请先选择文件");
    if (file.size > 20 * 1024 * 1024) return setError("文件超过 20 MB");
    const form = new FormData();
    form.set("year", String(itemKey.year));
    form.set("kind", itemKey.kind);
    form.set("period", String(itemKey.period));
    form.set("file", file);
    const result = await upload.executeAsync(form);
    if (result?.data) {
      setError(undefined);
      if (input.current) input.current.value = "";
      router.refresh();
    } else setError(result?.serverError ?? (Object.values(result?.validationErrors?.fieldErrors ?? {}).flat()[0] as string | undefined) ?? "上传失败");
  }
  return (
    <div className="space-y-2">
      {files.length === 0 || !itemId ? (
        <p className="text-sm text-stone-500">暂无附件。</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="附件">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-2">
              <a href={`/practice/items/${itemId}/attachments/${file.id}`} className="link break-all" download>
                {file.fileName}
              </a>
              <span className="text-xs text-stone-500">{formatSize(file.size)}</span>
              {editable && (
                <button
                  type="button"
                  className="text-xs text-red-700 hover:underline"
                  onClick={async () => {
                    if (!window.confirm(`删除附件“${file.fileName}”？`)) return;
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
          <label htmlFor="practice-file" className="sr-only">
            选择附件
          </label>
          <input ref={input} id="practice-file" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png" className="max-w-full text-sm" />
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
