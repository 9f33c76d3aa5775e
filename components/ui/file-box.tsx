"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ATTACHMENT_ACCEPT, ATTACHMENT_HINT, formatSize, MAX_ATTACHMENT_BYTES } from "@/lib/files/limits";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export type StoredFile = { id: string; fileName: string; size: number };

/** What a safe action answers, as far as this box reads it. */
type Answer =
  | { data?: unknown; serverError?: string; validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } }
  | undefined;

/**
 * The files of one record: a list that downloads through the app (`downloadBase/<id>`, checked on every
 * request) and, when `editable`, a picker that uploads one file at a time and a 删除 per file. The module says
 * which actions store and remove its files and what else the upload carries (`fields`: the record's key);
 * everything else — the size and type refused before sending, one upload at a time, the errors shown in
 * Chinese, the page reloaded with the new list — is the same for projects, reports, events, the ledger and 四个一.
 */
export function FileBox({
  files,
  downloadBase,
  editable,
  upload,
  remove,
  fields,
  inputId,
  noun = "附件",
  lead,
}: {
  files: StoredFile[];
  /** Where the files download from; null while the record does not exist yet (nothing to list). */
  downloadBase: string | null;
  editable: boolean;
  upload: (form: FormData) => Promise<Answer>;
  remove: (input: { id: string }) => Promise<Answer>;
  fields: Record<string, string | number>;
  inputId: string;
  /** What the files are called on this record (附件, 佐证材料). */
  noun?: string;
  /** What to attach, before the format hint (调研报告正文、走访记录、照片等). */
  lead?: string;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  // One request at a time: a double click on 上传 or 删除 sends one.
  async function run(call: () => Promise<Answer>): Promise<boolean> {
    if (busy.current) return false;
    busy.current = true;
    setPending(true);
    try {
      const answer = await call();
      if (answer?.data !== undefined) {
        setError(undefined);
        router.refresh();
        return true;
      }
      const fieldError = Object.values(answer?.validationErrors?.fieldErrors ?? {}).flat()[0];
      setError(answer?.serverError ?? fieldError ?? answer?.validationErrors?.formErrors?.[0] ?? "操作失败，请稍后重试");
      return false;
    } catch {
      // The network or the server went away: nothing was acknowledged, so say so rather than fail silently.
      setError("网络或服务异常，文件未保存，请稍后重试");
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  async function onUpload() {
    const file = input.current?.files?.[0];
    if (!file) return setError("请先选择文件");
    if (file.size > MAX_ATTACHMENT_BYTES) return setError("文件超过 20 MB");
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, String(value));
    form.set("file", file);
    if ((await run(() => upload(form))) && input.current) input.current.value = "";
  }

  const listed = downloadBase ? files : [];
  return (
    <div className="space-y-2">
      {listed.length === 0 ? (
        <p className="text-sm text-stone-500">暂无{noun}。</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label={noun}>
          {listed.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-2">
              <a href={`${downloadBase}/${file.id}`} className="link break-all" download>
                {file.fileName}
              </a>
              <span className="text-xs text-stone-500">{formatSize(file.size)}</span>
              {editable && (
                <button
                  type="button"
                  disabled={pending}
                  className="text-xs text-red-700 hover:underline disabled:opacity-50"
                  onClick={() => {
                    if (window.confirm(`删除${noun}“${file.fileName}”？`)) void run(() => remove({ id: file.id }));
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
        <>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={inputId} className="sr-only">
              选择{noun}
            </label>
            <input ref={input} id={inputId} type="file" accept={ATTACHMENT_ACCEPT} className="max-w-full text-sm" onChange={() => setError(undefined)} />
            <Button type="button" variant="secondary" pending={pending} onClick={() => void onUpload()}>
              上传{noun}
            </Button>
          </div>
          <p className="text-xs text-stone-500">{lead ? `${lead}，${ATTACHMENT_HINT}` : ATTACHMENT_HINT}</p>
        </>
      )}
      <FormError message={error} />
    </div>
  );
}
