"use client";

import { useState } from "react";

type Progress = { total: number | null; bytes: number } | null;

function fileNameOf(response: Response, fallback: string) {
  const header = response.headers.get("content-disposition") ?? "";
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads a list's Excel file with the list's current filters. The file streams in: the button shows how many
 * rows are coming and how much has arrived, and the page stays usable meanwhile.
 */
export function ExportButton({ href, label = "导出 Excel", fileName = "导出.xlsx" }: { href: string; label?: string; fileName?: string }) {
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<string>();
  async function run() {
    if (progress) return;
    setError(undefined);
    setProgress({ total: null, bytes: 0 });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok || !response.body) throw new Error((await response.text()) || "导出失败，请稍后重试");
      const total = Number(response.headers.get("x-total-rows") ?? NaN);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        setProgress({ total: Number.isFinite(total) ? total : null, bytes });
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, fileName);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "导出失败，请稍后重试");
    } finally {
      setProgress(null);
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-800 hover:bg-stone-100 disabled:text-stone-400"
        onClick={run}
        disabled={!!progress}
      >
        {progress ? "正在导出…" : label}
      </button>
      {progress && (
        <span role="status" className="flex items-center gap-2 text-xs text-stone-600">
          <progress className="h-2 w-24" aria-label="导出进度" />
          {progress.total !== null ? `共 ${progress.total} 行，` : ""}已接收 {(progress.bytes / 1024).toFixed(0)} KB
        </span>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      )}
    </span>
  );
}
