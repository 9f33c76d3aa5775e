import { routeUser } from "@/lib/http";
import { ledgerFilterSchema } from "@/lib/ledger/schemas";
import { ledgerExport } from "@/lib/ledger/export";
import { auditExport } from "@/lib/exports/audit";
import { queryOf } from "@/lib/exports/xlsx-stream";

export async function GET(request: Request) {
  const user = await routeUser("ledger.view");
  if (user instanceof Response) return user;
  const filter = ledgerFilterSchema.parse(queryOf(request));
  const { total, response } = await ledgerExport(user, filter);
  await auditExport(user, "遗留问题盘点销号台账", total);
  return response;
}
