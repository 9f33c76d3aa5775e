// Units from an Excel sheet, through the shared import (lib/imports): each row is checked by the create
// form's schema and service; a parent may be an existing unit or one earlier in the sheet.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { unitFieldsSchema } from "@/lib/units/schemas";
import { createUnitRecord } from "@/lib/units/service";
import { unitTypeFromLabel } from "@/lib/units/tree";
import { templateWorkbook, type SheetRow } from "@/lib/imports/sheet";
import { inSavepoint, outcome, zodProblems, type Importer } from "@/lib/imports/run";
import type { RowOutcome } from "@/lib/imports/types";

export const IMPORT_COLUMNS = ["单位名称", "单位类型", "上级单位", "单位编码", "排序"] as const;
const FIELD_COLUMNS: Record<string, string> = { name: "单位名称", type: "单位类型", parentId: "上级单位", code: "单位编码", sortOrder: "排序" };

async function importUnitRows(tx: Tx, rows: SheetRow[], ctx: Parameters<Importer["importRows"]>[2]) {
  const existing = await tx.unit.findMany({ where: { active: true }, select: { id: true, name: true, code: true } });
  const byCode = new Map(existing.map((unit) => [unit.code.toUpperCase(), unit.id]));
  const byName = new Map<string, string[]>();
  for (const unit of existing) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit.id]);

  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    const cell = (column: (typeof IMPORT_COLUMNS)[number]) => row.cells[column];
    const done = (problems: RowOutcome["problems"]) => outcomes.push(outcome(unitImporter, row, problems));
    const typeText = cell("单位类型");
    const type = unitTypeFromLabel(typeText);
    if (!typeText) {
      done([{ column: "单位类型", message: "缺少单位类型" }]);
      continue;
    }
    if (!type) {
      done([{ column: "单位类型", message: `单位类型「${typeText}」无法识别，应为：乡镇、县直部门、部内科室、县` }]);
      continue;
    }
    let parentId: string | undefined;
    const parent = cell("上级单位");
    if (parent) {
      const byCodeMatch = byCode.get(parent.toUpperCase());
      const byNameMatch = byName.get(parent) ?? [];
      if (byCodeMatch) parentId = byCodeMatch;
      else if (byNameMatch.length === 1) parentId = byNameMatch[0];
      else if (byNameMatch.length > 1) {
        done([{ column: "上级单位", message: `上级单位「${parent}」有重名，请改填单位编码` }]);
        continue;
      } else {
        done([{ column: "上级单位", message: `找不到上级单位「${parent}」` }]);
        continue;
      }
    }
    const parsed = unitFieldsSchema.safeParse({ name: cell("单位名称"), type, parentId, code: cell("单位编码") || undefined, sortOrder: cell("排序") || 0 });
    if (!parsed.success) {
      done(zodProblems(parsed.error, FIELD_COLUMNS));
      continue;
    }
    const problems = await inSavepoint(
      tx,
      async () => {
        const unit = await createUnitRecord(tx, parsed.data, ctx.actor, ctx.ip);
        // Later rows may hang under this one.
        byCode.set(unit.code.toUpperCase(), unit.id);
        byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit.id]);
      },
      FIELD_COLUMNS,
    );
    done(problems);
  }
  return { outcomes };
}

export const unitImporter: Importer = {
  kind: "units",
  columns: IMPORT_COLUMNS,
  required: ["单位名称", "单位类型"],
  audit: { action: "unit.import", entityType: "Unit" },
  importRows: importUnitRows,
};

/** The template, with example rows that hang under the deployment's root unit. */
export async function importTemplate(root: { name: string; code: string } | null): Promise<Buffer> {
  return templateWorkbook("单位", IMPORT_COLUMNS, [
    ["示例镇", "乡镇", root?.name ?? "（上级单位名称）", "", 1],
    ["示例局", "县直部门", root?.code ?? "（上级单位编码）", "", 2],
    ["示例科", "部内科室", "示例局", "", 1],
  ]);
}
