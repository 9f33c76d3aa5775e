// The audited 404 of pages and downloads (decision 0093). Next to current-user.ts, and apart from it so that it
// reads the caller's address through that module's exports, as every other refusal does.
import "server-only";
import { notFound } from "next/navigation";
import { auditRefusal } from "@/lib/audit/refusals";
import { entityLabel } from "@/lib/audit/describe";
import { requestMeta, type CurrentUser } from "@/lib/auth/current-user";

export type RefusedRecord = { entityType: string; id?: string | null };

/**
 * A record the caller's scoped query did not find, read through a page or a download: another unit's id, or one
 * that does not exist (the query cannot tell them apart, and the caller must not be able to either). Audited as a
 * refused read (rate-limited, lib/audit/refusals.ts), whichever it was.
 */
export async function auditRefusedRead(user: Pick<CurrentUser, "id" | "username" | "name"> | null, record: RefusedRecord) {
  const { ip } = await requestMeta();
  await auditRefusal({
    actor: user ? { id: user.id, username: user.username, name: user.name } : null,
    ip,
    summary: `记录不存在或无权访问：查看${entityLabel(record.entityType)}`,
    entityType: record.entityType,
    entityId: record.id ? record.id.slice(0, 100) : undefined,
  });
}

/** For pages: `if (!project) return notFoundAudited(user, { entityType: "Project", id })` — the audited 404, the same for both. */
export async function notFoundAudited(user: Pick<CurrentUser, "id" | "username" | "name"> | null, record: RefusedRecord): Promise<never> {
  await auditRefusedRead(user, record);
  notFound();
}
