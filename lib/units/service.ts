// Unit changes, shared by the actions, the Excel import and the demo data.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, STALE_RECORD, FieldError, NotFoundError } from "@/lib/actions/errors";
import { nextUnitCode, parentProblem, UNIT_CODE_PREFIX } from "@/lib/units/tree";
import type { UnitFields } from "@/lib/units/schemas";

/** A problem tied to one field of the form, shown next to it. */
async function checkParent(tx: Tx, fields: UnitFields) {
  const parent = fields.parentId ? await tx.unit.findUnique({ where: { id: fields.parentId } }) : null;
  if (fields.parentId && !parent) throw new FieldError("parentId", "上级单位不存在");
  if (parent && !parent.active) throw new FieldError("parentId", "上级单位已停用");
  const problem = parentProblem(fields.type, parent?.type ?? null);
  if (problem) throw new FieldError("parentId", problem);
}

async function checkUnique(tx: Tx, fields: UnitFields, code: string, exceptId?: string) {
  const sameCode = await tx.unit.findFirst({ where: { code, id: exceptId ? { not: exceptId } : undefined } });
  if (sameCode) throw new FieldError("code", `单位编码 ${code} 已被「${sameCode.name}」使用`);
  const sameName = await tx.unit.findFirst({ where: { name: fields.name, parentId: fields.parentId, id: exceptId ? { not: exceptId } : undefined } });
  if (sameName) throw new FieldError("name", "同一上级单位下已有同名单位");
}

/** The next code of the type's series (Z001, Z002 …), from the highest one in use. */
async function generatedCode(tx: Tx, type: UnitFields["type"]): Promise<string> {
  const pattern = `^${UNIT_CODE_PREFIX[type]}[0-9]+$`;
  const highest = await tx.$queryRaw<{ code: string }[]>`
    SELECT "code" FROM "Unit" WHERE "code" ~ ${pattern} ORDER BY length("code") DESC, "code" DESC LIMIT 1`;
  return nextUnitCode(
    type,
    highest.map((row) => row.code),
  );
}

export async function createUnitRecord(tx: Tx, fields: UnitFields, actor: AuditActor, ip: string | null = null) {
  await checkParent(tx, fields);
  const code = fields.code ?? (await generatedCode(tx, fields.type));
  await checkUnique(tx, fields, code);
  const unit = await tx.unit.create({
    data: { name: fields.name, type: fields.type, parentId: fields.parentId, code, sortOrder: fields.sortOrder },
  });
  await writeAudit({ actor, action: "unit.create", entityType: "Unit", entityId: unit.id, summary: `${unit.name}（${unit.code}）`, ip }, tx);
  return unit;
}

export async function updateUnitRecord(tx: Tx, id: string, version: number, fields: UnitFields, actor: AuditActor, ip: string | null) {
  const current = await tx.unit.findUnique({ where: { id } });
  if (!current) throw new NotFoundError("单位不存在");
  if (current.version !== version) throw new ActionError(STALE_RECORD);
  if (fields.parentId) {
    // Walk up from the new parent: meeting the unit itself means the move would make a cycle.
    const cycle = await tx.$queryRaw<unknown[]>`
      WITH RECURSIVE above AS (
        SELECT "id", "parentId", 1 AS depth FROM "Unit" WHERE "id" = ${fields.parentId}
        UNION ALL
        SELECT u."id", u."parentId", above.depth + 1 FROM "Unit" u JOIN above ON u."id" = above."parentId" WHERE above.depth < 64
      )
      SELECT 1 FROM above WHERE "id" = ${id} LIMIT 1`;
    if (cycle.length > 0) {
      throw new FieldError("parentId", "不能把单位移到它自己或它的下级单位之下");
    }
  }
  if (fields.type !== current.type && (await tx.unit.count({ where: { parentId: id } })) > 0) {
    throw new FieldError("type", "该单位下还有下级单位，不能改变类型");
  }
  await checkParent(tx, fields);
  const code = fields.code ?? current.code;
  await checkUnique(tx, fields, code, id);
  const updated = await tx.unit.updateMany({
    where: { id, version },
    data: { name: fields.name, type: fields.type, parentId: fields.parentId, code, sortOrder: fields.sortOrder, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  const moved = current.parentId !== fields.parentId;
  await writeAudit(
    {
      actor,
      action: "unit.update",
      entityType: "Unit",
      entityId: id,
      summary: moved ? `${fields.name}：调整上级单位` : fields.name,
      details: { before: { name: current.name, type: current.type, parentId: current.parentId, code: current.code }, after: { ...fields, code } },
      ip,
    },
    tx,
  );
}

export async function setUnitActiveRecord(tx: Tx, id: string, version: number, active: boolean, actor: AuditActor, ip: string | null) {
  const current = await tx.unit.findUnique({ where: { id }, include: { parent: true } });
  if (!current) throw new NotFoundError("单位不存在");
  if (!active) {
    const children = await tx.unit.count({ where: { parentId: id, active: true } });
    if (children > 0) throw new ActionError(`该单位下还有 ${children} 个启用的下级单位，请先停用或移走它们`);
    const users = await tx.user.count({ where: { unitId: id, active: true } });
    if (users > 0) throw new ActionError(`该单位还有 ${users} 个启用的账户，请先由安全管理员停用或调整`);
  } else if (current.parent && !current.parent.active) {
    throw new ActionError("上级单位已停用，请先启用上级单位");
  }
  const updated = await tx.unit.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit({ actor, action: active ? "unit.activate" : "unit.deactivate", entityType: "Unit", entityId: id, summary: current.name, ip }, tx);
}
