import "server-only";
import ExcelJS from "exceljs";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/time";
import { auditActionLabel } from "@/lib/audit/actions-catalog";
import { AUDIT_EXPORT_LIMIT, auditWhere, type AuditFilter } from "@/lib/audit/queries";
import { describeAuditEntry, plainIp } from "@/lib/audit/describe";

const OUTCOME_LABELS = { SUCCESS: "成功", FAILURE: "失败", DENIED: "拒绝" } as const;
export { OUTCOME_LABELS };

/** The filtered log as an .xlsx workbook, read in batches so memory stays flat. */
export async function auditWorkbook(filter: AuditFilter): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("审计日志");
  sheet.columns = [
    { header: "时间", key: "at", width: 18 },
    { header: "用户名", key: "username", width: 16 },
    { header: "姓名", key: "name", width: 12 },
    { header: "操作", key: "action", width: 16 },
    { header: "对象", key: "entity", width: 28 },
    { header: "说明", key: "summary", width: 48 },
    { header: "IP 地址", key: "ip", width: 16 },
    { header: "结果", key: "outcome", width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  const where = auditWhere(filter);
  let cursor: bigint | undefined;
  let written = 0;
  while (written < AUDIT_EXPORT_LIMIT) {
    const batch = await db.auditLog.findMany({
      where: cursor ? { AND: [where, { id: { lt: cursor } }] } : where,
      orderBy: { id: "desc" },
      take: 2000,
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      sheet.addRow({
        at: formatDateTime(row.at),
        username: row.actorUsername ?? "",
        name: row.actorName ?? "",
        action: auditActionLabel(row.action),
        entity: row.entityType ? `${row.entityType} ${row.entityId ?? ""}` : "",
        summary: describeAuditEntry(row),
        ip: plainIp(row.ip) ?? "",
        outcome: OUTCOME_LABELS[row.outcome],
      });
    }
    written += batch.length;
    cursor = batch[batch.length - 1].id;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
