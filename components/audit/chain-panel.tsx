"use client";

import { verifyAuditChain } from "@/lib/audit/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/page";

/** The audit admin's integrity tools: verify the hash chain, export a signed range, the key to check it with. */
export function ChainPanel({ publicKey, fingerprint }: { publicKey: string; fingerprint: string }) {
  const verify = useActionButton(verifyAuditChain);
  const report = verify.data;
  return (
    <Card title="日志完整性（哈希链）" className="mb-5">
      <div className="flex flex-wrap items-end gap-6">
        <div>
          <Button type="button" variant="secondary" pending={verify.pending} onClick={() => verify.run(undefined)}>
            校验哈希链
          </Button>
          <div role="status" className="mt-2 text-sm">
            {verify.error && <span className="text-red-700">{verify.error}</span>}
            {report && !report.broken && (
              <span className="text-emerald-800">
                哈希链完整：已校验 {report.checked} 条（第 {report.firstSeq ?? "-"} 至 {report.lastSeq ?? "-"} 条）
                {report.anchored ? "，起点之前的记录已按保留期清理" : ""}
                {report.pending > 0 ? `；校验开始后又写入 ${report.pending} 条，下次校验时一并校验` : ""}
              </span>
            )}
            {report?.broken && (
              <span className="text-red-700">
                发现断链：第 {report.broken.seq} 条（{new Date(report.broken.at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}），
                {report.broken.problem}。此前 {report.checked} 条完好。
              </span>
            )}
          </div>
        </div>
        <form action="/audit/chain-export" method="get" className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block text-stone-600">签名导出起始日期</span>
            <input name="from" type="date" className="input w-40" />
          </label>
          <label className="text-sm">
            <span className="block text-stone-600">签名导出截止日期</span>
            <input name="to" type="date" className="input w-40" />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            签名导出（JSON）
          </button>
        </form>
      </div>
      <details className="mt-3 text-sm text-stone-600">
        <summary>验证签名用的公钥（SHA-256 指纹 {fingerprint}）</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-stone-50 p-2 text-xs">{publicKey}</pre>
      </details>
    </Card>
  );
}
