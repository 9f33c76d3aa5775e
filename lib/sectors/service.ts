// Sector list changes and the sectors a project names.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, STALE_RECORD, FieldError, NotFoundError } from "@/lib/actions/errors";

type SectorFields = { name: string; grouping?: string | null; sortOrder: number };
type Meta = { actor: AuditActor; ip?: string | null };

async function checkName(tx: Tx, name: string, exceptId?: string) {
  const clash = await tx.sector.findFirst({ where: { name, id: exceptId ? { not: exceptId } : undefined } });
  if (clash) throw new FieldError("name", "已有同名领域");
}

export async function createSectorRecord(tx: Tx, fields: SectorFields, meta: Meta) {
  await checkName(tx, fields.name);
  const created = await tx.sector.create({ data: { name: fields.name, grouping: fields.grouping || null, sortOrder: fields.sortOrder } });
  await writeAudit({ actor: meta.actor, action: "sector.create", entityType: "Sector", entityId: created.id, summary: created.name, ip: meta.ip }, tx);
  return created;
}

export async function updateSectorRecord(tx: Tx, input: SectorFields & { id: string; version: number; active: boolean }, meta: Meta) {
  const current = await tx.sector.findUnique({ where: { id: input.id } });
  if (!current) throw new NotFoundError("领域不存在");
  await checkName(tx, input.name, input.id);
  const updated = await tx.sector.updateMany({
    where: { id: input.id, version: input.version },
    data: { name: input.name, grouping: input.grouping || null, sortOrder: input.sortOrder, active: input.active, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    {
      actor: meta.actor,
      action: "sector.update",
      entityType: "Sector",
      entityId: input.id,
      summary: `${current.name} → ${input.name}${input.active ? "" : "（停用）"}`,
      ip: meta.ip,
    },
    tx,
  );
}

/**
 * Replace the sectors a project names. Only active sectors may be newly named; a sector deactivated
 * after the project named it stays on the project.
 */
export async function setProjectSectors(tx: Tx, projectId: string, sectorIds: readonly string[], known?: readonly string[]) {
  const wanted = [...new Set(sectorIds)];
  // `known`: the project's sectors as the caller already read them (the autosave, under its lock).
  const existing = known ? known.map((sectorId) => ({ sectorId })) : await tx.projectSector.findMany({ where: { projectId }, select: { sectorId: true } });
  const had = new Set(existing.map((row) => row.sectorId));
  const added = wanted.filter((id) => !had.has(id));
  if (added.length > 0) {
    const usable = await tx.sector.count({ where: { id: { in: added }, active: true } });
    if (usable !== added.length) throw new FieldError("sectorIds", "所选党组织领域不存在或已停用");
  }
  // An autosave sends the whole form: when nothing was removed there is nothing to delete (one statement less).
  if (existing.some((row) => !wanted.includes(row.sectorId))) await tx.projectSector.deleteMany({ where: { projectId, sectorId: { notIn: wanted } } });
  if (added.length > 0) await tx.projectSector.createMany({ data: added.map((sectorId) => ({ projectId, sectorId })) });
}
