"use client";

// Upload → preview (nothing written) → confirm → result; the same steps for units, accounts and topics.
import { useRef, useState } from "react";
import { confirmTopicImport, confirmUnitImport, confirmUserImport, previewTopicImport, previewUnitImport, previewUserImport } from "@/lib/imports/actions";
import { IMPORT_NOUNS, type ImportKind, type ImportPreview, type ImportResult } from "@/lib/imports/types";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { DataTable } from "@/components/ui/page";
import { ImportRowsTable } from "@/components/imports/preview-table";

const MAX_BYTES = 2 * 1024 * 1024;
// The three kinds' actions take the same input and return the same shapes, so one type holds them all.
const ACTIONS: Record<ImportKind, { preview: typeof previewUnitImport; confirm: typeof confirmUnitImport }> = {
  units: { preview: previewUnitImport, confirm: confirmUnitImport },
  users: { preview: previewUserImport, confirm: confirmUserImport },
  topics: { preview: previewTopicImport, confirm: confirmTopicImport },
};

function toBase64(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportFlow({ kind }: { kind: ImportKind }) {
  const noun = IMPORT_NOUNS[kind];
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [result, setResult] = useState<ImportResult>();
  const previewAction = useActionButton(ACTIONS[kind].preview, (data: ImportPreview) => {
    setResult(undefined);
    setPreview(data);
  });
  const confirmAction = useActionButton(ACTIONS[kind].confirm, (data: ImportResult) => {
    setPreview(undefined);
    setResult(data);
  });

  async function upload() {
    const file = input.current?.files?.[0];
    if (!file) return setFileError("请选择要导入的 Excel 文件");
    if (!/\.xlsx$/i.test(file.name)) return setFileError("请上传 .xlsx 格式的 Excel 文件");
    if (file.size > MAX_BYTES) return setFileError("文件不能超过 2 MB");
    setFileError(undefined);
    setPreview(undefined);
    setResult(undefined);
    await previewAction.run({ fileName: file.name, content: toBase64(await file.arrayBuffer()) });
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
        className="max-w-xl space-y-4"
      >
        <FormError message={previewAction.error} />
        <Field label="Excel 文件（.xlsx）" name="file" errors={fileError ? [fileError] : undefined} hint="不超过 2 MB，最多 2000 行" required>
          <input
            ref={input}
            id="file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="input"
          />
        </Field>
        <Button type="submit" variant={preview ? "secondary" : "primary"} pending={previewAction.pending}>
          {preview ? "重新上传并预览" : "上传并预览"}
        </Button>
      </form>

      {preview && (
        <section aria-label="导入预览" className="space-y-3">
          <Notice tone={preview.bad ? "warning" : "info"}>
            预览：共 {preview.rows.length} 行，{preview.good} 行可以导入{preview.bad ? `，${preview.bad} 行有误（确认后不会导入）` : ""}。尚未写入任何数据。
          </Notice>
          <ImportRowsTable columns={preview.columns} rows={preview.rows} label="预览明细" />
          <FormError message={confirmAction.error} />
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              disabled={preview.good === 0}
              pending={confirmAction.pending}
              onClick={() => void confirmAction.run({ token: preview.token })}
            >
              确认导入 {preview.good} 行
            </Button>
            <Button type="button" variant="secondary" onClick={() => setPreview(undefined)}>
              取消
            </Button>
          </div>
        </section>
      )}

      {result && (
        <section aria-label="导入结果" className="space-y-3">
          <Notice tone={result.bad.length ? "warning" : "success"}>
            已导入 {result.imported} 行，{result.bad.length} 行有误未导入{result.bad.length ? "，请修改后重新导入这些行" : ""}。
          </Notice>
          {result.accounts && result.accounts.length > 0 && (
            <section aria-label="临时密码" className="space-y-2">
              <Notice tone="info">以下是新账户的临时密码，只显示这一次：请打印或抄录后当面或通过安全渠道告知本人；本人首次登录时须修改密码。</Notice>
              <DataTable headers={["行号", "用户名", "姓名", "所在单位", "临时密码"]}>
                {result.accounts.map((account) => (
                  <tr key={account.username}>
                    <td>第 {account.row} 行</td>
                    <td className="font-mono">{account.username}</td>
                    <td>{account.name}</td>
                    <td>{account.unit}</td>
                    <td>
                      <code data-testid="temporary-password" className="font-mono">
                        {account.temporaryPassword}
                      </code>
                    </td>
                  </tr>
                ))}
              </DataTable>
              <Button type="button" variant="secondary" onClick={() => window.print()}>
                打印临时密码清单
              </Button>
            </section>
          )}
          {result.bad.length > 0 && <ImportRowsTable columns={result.columns} rows={result.bad} label={`未导入的${noun}`} />}
        </section>
      )}
    </div>
  );
}
