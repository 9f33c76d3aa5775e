import { z } from "zod";
import { routeUser } from "@/lib/http";
import { getHearing, hearingResults } from "@/lib/hearings/queries";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { RANK_BY_LABELS } from "@/lib/hearings/scoring";
import { auditExport } from "@/lib/exports/audit";
import { listExport, oneBatch } from "@/lib/exports/xlsx-stream";

/** The hearing's ranking as the results page shows it: rank, project, unit and every aggregate. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await routeUser("hearings.view");
  if (user instanceof Response) return user;
  const id = z
    .string()
    .max(40)
    .safeParse((await params).id);
  const hearing = id.success ? await getHearing(id.data) : null;
  if (!hearing) return new Response("听证会不存在", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { items, ranked, by } = await hearingResults(hearing.id);
  const byItem = new Map(items.map((item) => [item.id, item]));
  const rows = ranked.map((row) => ({ ...row, item: byItem.get(row.proposalId)! }));
  const { total, response } = listExport({
    title: `${hearing.title}评分结果（按${RANK_BY_LABELS[by]}排名）`,
    sheetName: "评分结果",
    total: rows.length,
    batches: oneBatch(rows),
    columns: [
      { header: "排名", width: 6, value: (r) => r.rank },
      { header: "项目", width: 40, value: (r) => r.item.project.title },
      { header: "单位", width: 18, value: (r) => r.item.project.unit.name },
      { header: "评审数", width: 8, value: (r) => r.count },
      { header: "平均分", width: 10, value: (r) => r.mean, numFmt: "0.00" },
      { header: "去极值平均", width: 12, value: (r) => r.trimmedMean, numFmt: "0.00" },
      { header: "去极值名次", width: 10, value: (r) => r.trimmedRank },
      { header: "标准化平均", width: 12, value: (r) => r.normalizedMean, numFmt: "0.00" },
      { header: "标准化名次", width: 10, value: (r) => r.normalizedRank },
      { header: "极差", width: 8, value: (r) => r.spread, numFmt: "0.00" },
      { header: "提示", width: 24, value: (r) => [r.ranksDiffer ? "两种算法名次不同" : "", r.disagreement ? "分歧较大" : ""].filter(Boolean).join("；") },
      { header: "状态", width: 10, value: (r) => STATE_LABELS[r.item.project.state] },
    ],
  });
  await auditExport(user, `${hearing.title}评分结果`, total);
  return response;
}
