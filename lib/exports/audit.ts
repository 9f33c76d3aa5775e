import "server-only";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta, type CurrentUser } from "@/lib/auth/current-user";

/** Who took which list out of the system, with how many rows: exports carry names and phone numbers. */
export async function auditExport(user: CurrentUser, what: string, rows: number) {
  const { ip } = await requestMeta();
  await writeAudit({ actor: { id: user.id, username: user.username, name: user.name }, action: "list.export", summary: `${what}：${rows} 行`, ip });
}
