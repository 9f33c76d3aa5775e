// Every upload goes through here before it is stored: scanned by clamd when configured, refused when the
// scanner is configured but down (never let through), refused and audited when flagged.
import "server-only";
import { ActionError } from "@/lib/actions/errors";
import { type AuditActor, writeAudit } from "@/lib/audit/log";
import { logger } from "@/lib/log";
import { antivirusConfig, ScannerUnavailableError, scanBuffer } from "@/lib/security/antivirus";

export const SCANNER_UNAVAILABLE = "病毒扫描服务暂不可用，请稍后再上传";
export const SCANNER_MISSING = "系统尚未配置病毒扫描服务，暂不能上传文件，请联系系统管理员";

/** Call before the transaction that stores the file (the audit line of a flagged file must survive the refusal). */
export async function scanUpload(upload: { name: string; content: Buffer; what: string }, by: { actor: AuditActor; ip: string | null }): Promise<void> {
  const config = antivirusConfig();
  if (config.mode === "off") return;
  if (config.mode === "missing") throw new ActionError(SCANNER_MISSING);
  let result: Awaited<ReturnType<typeof scanBuffer>>;
  try {
    result = await scanBuffer(config.target, upload.content);
  } catch (error) {
    if (!(error instanceof ScannerUnavailableError)) throw error;
    logger.error({ err: error, scanner: config.label }, "virus scanner unavailable, upload refused");
    throw new ActionError(SCANNER_UNAVAILABLE);
  }
  if (result.clean) return;
  await writeAudit({
    actor: by.actor,
    action: "upload.infected",
    summary: `${upload.what}「${upload.name}」含恶意内容（${result.signature}），已拒绝`,
    details: { fileName: upload.name, size: upload.content.length, signature: result.signature },
    ip: by.ip,
    outcome: "DENIED",
  });
  throw new ActionError(`文件「${upload.name}」经病毒扫描发现恶意内容（${result.signature}），已拒绝上传`);
}
