"use server";

import { actionClient } from "@/lib/actions/client";
import { writeAudit } from "@/lib/audit/log";
import { verifyChain } from "@/lib/audit/chain";

/** Walks the whole hash chain and reports the first broken link; the check itself is audited. */
export const verifyAuditChain = actionClient.metadata({ name: "校验审计日志哈希链", permission: "audit.view" }).action(async ({ ctx }) => {
  const report = await verifyChain();
  await writeAudit({
    actor: ctx.actor,
    action: "audit.verify",
    summary: report.broken ? `发现断链：第 ${report.broken.seq} 条，${report.broken.problem}` : `哈希链完整：校验 ${report.checked} 条`,
    details: { ...report, broken: report.broken ? { ...report.broken, at: report.broken.at.toISOString() } : null },
    ip: ctx.ip,
    outcome: report.broken ? "FAILURE" : "SUCCESS",
  });
  return report;
});
