// Topics from an Excel sheet, through the shared import (lib/imports): drafts of the current year, each row
// checked by the drafting form's schema and service (codes numbered under its advisory lock); category,
// focus, tier and claim mode by their Chinese names, suggested units by name or code.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { ActionError } from "@/lib/actions/errors";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, FOCUS_LABELS, TIER_LABELS } from "@/lib/topics/rules";
import { createTopicSchema } from "@/lib/topics/schemas";
import { createTopicRecord } from "@/lib/topics/service";
import { unitResolver } from "@/lib/users/import";
import { splitList, templateWorkbook, type SheetRow } from "@/lib/imports/sheet";
import { inSavepoint, outcome, zodProblems, type ImportContext, type Importer } from "@/lib/imports/run";
import type { RowOutcome, RowProblem } from "@/lib/imports/types";

export const TOPIC_IMPORT_COLUMNS = ["选题名称", "选题说明", "类别", "方面", "着眼领域", "目标层次", "认领方式", "认领截止时间", "建议单位"] as const;
const FIELD_COLUMNS: Record<string, string> = {
  title: "选题名称",
  description: "选题说明",
  category: "类别",
  aspectId: "方面",
  focus: "着眼领域",
  tier: "目标层次",
  claimMode: "认领方式",
  claimClosesAt: "认领截止时间",
  unitIds: "建议单位",
};

/** The key whose Chinese label is the text, or a problem listing the labels. */
export function fromLabel<K extends string>(labels: Record<K, string>, text: string, column: string): { value: K } | { problem: RowProblem } {
  const found = (Object.keys(labels) as K[]).find((key) => labels[key] === text.trim());
  if (found) return { value: found };
  const message = text ? `${column}「${text}」无法识别，应为：${Object.values(labels).join("、")}` : `请填写${column}`;
  return { problem: { column, message } };
}

/**
 * The closing date as the drafting form takes it: "2026-12-31 17:00", "2026/12/31", "2026年12月31日";
 * a date without a time closes at the end of that day (23:59:59, Beijing time).
 */
export function closingDateText(text: string): string {
  const cleaned = text
    .trim()
    .replace(/[年月/.]/g, "-")
    .replace(/日/g, "")
    .replace(/\s+/g, " ");
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(cleaned);
  if (!match) return text.trim();
  const [, y, m, d, hh, mm, ss] = match;
  const day = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return hh === undefined ? `${day} 23:59:59` : `${day} ${hh.padStart(2, "0")}:${mm}:${ss ?? "00"}`;
}

async function currentYear(tx: Tx) {
  const year = (await tx.year.findFirst({ where: { isCurrent: true } })) ?? (await tx.year.findFirst({ orderBy: { year: "desc" } }));
  if (!year) throw new ActionError("请先在“年度安排”中设置年度");
  return year;
}

async function importTopicRows(tx: Tx, rows: SheetRow[], ctx: ImportContext<undefined>) {
  const year = await currentYear(tx);
  const resolveUnit = unitResolver(
    await tx.unit.findMany({ where: { active: true, type: { in: ["TOWNSHIP", "DEPARTMENT", "SECTION"] } }, select: { id: true, name: true, code: true } }),
  );
  const aspects = await tx.suggestionAspect.findMany({ select: { id: true, name: true, category: true } });
  const seen = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    const cell = (column: (typeof TOPIC_IMPORT_COLUMNS)[number]) => row.cells[column];
    const problems: RowProblem[] = [];
    const category = fromLabel(CATEGORY_LABELS, cell("类别"), "类别");
    const focus = fromLabel(FOCUS_LABELS, cell("着眼领域"), "着眼领域");
    const tier = fromLabel(TIER_LABELS, cell("目标层次"), "目标层次");
    const claimMode = fromLabel(CLAIM_MODE_LABELS, cell("认领方式"), "认领方式");
    for (const choice of [category, focus, tier, claimMode]) if ("problem" in choice) problems.push(choice.problem);
    let aspectId: string | undefined;
    if (cell("方面") && "value" in category) {
      const aspect = aspects.find((candidate) => candidate.name === cell("方面") && candidate.category === category.value);
      if (aspect) aspectId = aspect.id;
      else problems.push({ column: "方面", message: `「${CATEGORY_LABELS[category.value]}」类别下没有方面「${cell("方面")}」` });
    }
    const unitIds: string[] = [];
    for (const name of splitList(cell("建议单位"))) {
      const unit = resolveUnit(name);
      if ("unit" in unit) unitIds.push(unit.unit.id);
      else problems.push({ column: "建议单位", message: unit.problem });
    }
    const parsed = createTopicSchema.safeParse({
      yearId: year.id,
      sourceIds: [],
      title: cell("选题名称"),
      description: cell("选题说明"),
      category: "value" in category ? category.value : "CADRE",
      aspectId,
      focus: "value" in focus ? focus.value : "KEY",
      tier: "value" in tier ? tier.value : "ROUTINE",
      claimMode: "value" in claimMode ? claimMode.value : "OPEN",
      claimClosesAt: closingDateText(cell("认领截止时间")),
      unitIds,
    });
    if (!parsed.success) problems.push(...zodProblems(parsed.error, FIELD_COLUMNS));
    const title = parsed.success ? parsed.data.title : cell("选题名称");
    if (seen.has(title)) problems.push({ column: "选题名称", message: `与第 ${seen.get(title)} 行的选题名称重复` });
    if (problems.length === 0 && parsed.success) {
      const same = await tx.topic.findFirst({ where: { yearId: year.id, title, status: { not: "WITHDRAWN" } }, select: { code: true } });
      if (same) problems.push({ column: "选题名称", message: `${year.year} 年度已有同名选题（${same.code}）` });
      else
        problems.push(
          ...(await inSavepoint(
            tx,
            () => createTopicRecord(tx, parsed.data, { actor: ctx.actor, ip: ctx.ip, now: ctx.now }).then(() => undefined),
            FIELD_COLUMNS,
          )),
        );
      if (problems.length === 0) seen.set(title, row.row);
    }
    outcomes.push(outcome(topicImporter, row, problems));
  }
  return { outcomes };
}

export const topicImporter: Importer = {
  kind: "topics",
  columns: TOPIC_IMPORT_COLUMNS,
  required: ["选题名称", "选题说明", "类别", "着眼领域", "目标层次", "认领方式", "认领截止时间"],
  audit: { action: "topic.import", entityType: "Topic" },
  importRows: importTopicRows,
};

export async function topicImportTemplate(example: { unit: string; closes: string }): Promise<Buffer> {
  return templateWorkbook("参考选题", TOPIC_IMPORT_COLUMNS, [
    [
      "村级党组织书记队伍建设",
      "围绕村级党组织书记选育管用，探索……",
      "基层党建",
      "农村党建",
      "重点领域",
      "重点工作出亮点",
      "自主认领",
      example.closes,
      example.unit,
    ],
  ]);
}
