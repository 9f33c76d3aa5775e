"use client";

import { useRef, useState } from "react";
import { importUnits } from "@/lib/units/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { DataTable } from "@/components/ui/page";

const MAX_BYTES = 5 * 1024 * 1024;

function toBase64(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportForm() {
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string>();
  const action = useActionButton(importUnits);
  const report = action.data;

  async function submit() {
    const file = input.current?.files?.[0];
    if (!file) return setFileError("请选择要导入的 Excel 文件");
    if (!/\.xlsx$/i.test(file.name)) return setFileError("请上传 .xlsx 格式的 Excel 文件");
    if (file.size > MAX_BYTES) return setFileError("文件不能超过 5 MB");
    setFileError(undefined);
    await action.run({ fileName: file.name, content: toBase64(await file.arrayBuffer()) });
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="max-w-xl space-y-4"
      >
        <FormError message={action.error} />
        <Field label="Excel 文件（.xlsx）" name="file" errors={fileError ? [fileError] : undefined} required>
          <input ref={input} id="file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="input" />
        </Field>
        <Button type="submit" pending={action.pending}>
          开始导入
        </Button>
      </form>
      {report && (
        <section aria-label="导入结果" className="space-y-2">
          <Notice tone={report.errors.length ? "warning" : "success"}>
            已导入 {report.imported} 个单位{report.errors.length ? `，${report.errors.length} 行未导入，请修改后重新导入这些行` : ""}。
          </Notice>
          {report.errors.length > 0 && (
            <DataTable headers={["行号", "单位名称", "问题"]}>
                  {report.errors.map((error) => (
                    <tr key={error.row}>
                      <td>第 {error.row} 行</td>
                      <td>{error.name || "—"}</td>
                      <td className="text-red-700">{error.message}</td>
                    </tr>
                  ))}
            </DataTable>
          )}
        </section>
      )}
    </div>
  );
}
