import "server-only";
import { db } from "@/lib/db/client";
import { CATEGORY_LABELS, STATUS_LABELS } from "@/lib/suggestions/catalog";
import { suggestionWhere } from "@/lib/suggestions/queries";
import type { SuggestionFilter } from "@/lib/suggestions/schemas";
import { afterCursor, DATE_TIME, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The inbox as filtered on screen, newest first, streamed. */
export async function suggestionsExport(filter: SuggestionFilter & { yearId: string | null }, title: string) {
  const where = suggestionWhere(filter);
  const total = await db.suggestion.count({ where });
  const batches = inBatches((cursor, take) =>
    db.suggestion.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...afterCursor(cursor, take),
      include: { aspect: { select: { name: true } }, unit: { select: { name: true } }, mergedInto: { select: { receiptNo: true } } },
    }),
  );
  return listExport({
    title,
    sheetName: "建言献策",
    total,
    batches,
    columns: [
      { header: "回执号", width: 16, value: (s) => s.receiptNo },
      { header: "提交时间", width: 18, value: (s) => excelDate(s.createdAt), numFmt: DATE_TIME },
      { header: "类别", width: 12, value: (s) => CATEGORY_LABELS[s.category] },
      { header: "方面", width: 16, value: (s) => s.aspect.name },
      { header: "意见建议", width: 60, value: (s) => s.content },
      { header: "提出人", width: 12, value: (s) => s.submitterName ?? "" },
      { header: "联系方式", width: 16, value: (s) => s.contact ?? "" },
      { header: "单位", width: 18, value: (s) => s.unit?.name ?? "" },
      { header: "状态", width: 10, value: (s) => STATUS_LABELS[s.status] },
      { header: "答复", width: 40, value: (s) => s.reply ?? (s.mergedInto ? `与 ${s.mergedInto.receiptNo} 合并` : "") },
      { header: "处理时间", width: 18, value: (s) => excelDate(s.handledAt), numFmt: DATE_TIME },
    ],
  });
}
