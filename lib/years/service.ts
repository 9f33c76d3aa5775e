import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { FieldError, NotFoundError } from "@/lib/actions/errors";
import { defaultWindows } from "@/lib/years/windows";

export async function createYearRecord(tx: Tx, year: number, actor: AuditActor, ip: string | null = null) {
  if (await tx.year.findUnique({ where: { year } })) throw new FieldError("year", `${year} 年度已存在`);
  const hasCurrent = (await tx.year.count({ where: { isCurrent: true } })) > 0;
  const created = await tx.year.create({
    data: { year, isCurrent: !hasCurrent, windows: { create: defaultWindows(year) } },
  });
  await writeAudit({ actor, action: "year.create", entityType: "Year", entityId: created.id, summary: `${year} 年度`, ip }, tx);
  return created;
}

export async function setCurrentYearRecord(tx: Tx, id: string, actor: AuditActor, ip: string | null) {
  const year = await tx.year.findUnique({ where: { id } });
  if (!year) throw new NotFoundError("年度不存在");
  await tx.year.updateMany({ where: { isCurrent: true, id: { not: id } }, data: { isCurrent: false, version: { increment: 1 } } });
  await tx.year.update({ where: { id }, data: { isCurrent: true, version: { increment: 1 } } });
  await writeAudit({ actor, action: "year.set_current", entityType: "Year", entityId: id, summary: `${year.year} 年度设为当前年度`, ip }, tx);
}
