// One import mechanism for units, accounts and topics: upload → preview (a dry run in a transaction that is
// rolled back, nothing written) → confirm (the stored upload is read again, every row checked again against
// the database as it is now, the good rows written in one transaction, the preview's nonce recorded so that
// the same preview imports once) → result.
import "server-only";
import { scanUpload } from "@/lib/security/upload-scan";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import type { AuditAction } from "@/lib/audit/actions-catalog";
import { ActionError } from "@/lib/actions/errors";
import { fileStore } from "@/lib/storage";
import { checkXlsxUpload, readSheet, type SheetRow } from "@/lib/imports/sheet";
import { IMPORT_TOKEN_TTL_MS, sha256, signImportToken, verifyImportToken, type ImportKind } from "@/lib/imports/token";
import { IMPORT_NOUNS, type ImportedAccount, type ImportPreview, type ImportResult, type RowOutcome, type RowProblem } from "@/lib/imports/types";
import type { z } from "@/lib/validation";

export type ImportBy = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
export type ImportContext<Prepared> = ImportBy & { preview: boolean; prepared?: Prepared };
export type RowsReport = { outcomes: RowOutcome[]; accounts?: ImportedAccount[] };

export type Importer<Prepared = undefined> = {
  kind: ImportKind;
  columns: readonly string[];
  required: readonly string[];
  audit: { action: AuditAction; entityType: string };
  /** Work done before the confirming transaction (password hashes), so it stays short. */
  prepare?: (rows: SheetRow[]) => Promise<Prepared>;
  /** Checks and writes each row in its own savepoint; a refused row leaves the others in place. */
  importRows: (tx: Tx, rows: SheetRow[], ctx: ImportContext<Prepared>) => Promise<RowsReport>;
};

export function importSecret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set");
  return value;
}

/** Runs one row's writes in a savepoint: on a refusal the row's writes are undone and the problem returned. */
export async function inSavepoint(tx: Tx, work: () => Promise<void>, columns: Record<string, string>): Promise<RowProblem[]> {
  await tx.$executeRawUnsafe("SAVEPOINT import_row");
  try {
    await work();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
    return [];
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_row");
    if (error instanceof ActionError) return [{ column: columns[(error as { field?: string }).field ?? ""] ?? "", message: error.message }];
    if ((error as { code?: string }).code === "P2002") return [{ column: "", message: "与已有记录重复" }];
    throw error;
  }
}

/** The issues of a schema, each on the column of its field. */
export function zodProblems(error: z.ZodError, columns: Record<string, string>): RowProblem[] {
  return error.issues.map((issue) => ({ column: columns[String(issue.path[0] ?? "")] ?? "", message: issue.message }));
}

export function outcome(importer: Pick<Importer<unknown>, "columns">, row: SheetRow, problems: RowProblem[]): RowOutcome {
  return { row: row.row, cells: importer.columns.map((column) => row.cells[column] ?? ""), problems };
}

class Rollback {
  constructor(readonly report: RowsReport) {}
}

export async function previewImport<P>(importer: Importer<P>, upload: { fileName: string; content: Buffer }, by: ImportBy): Promise<ImportPreview> {
  await checkXlsxUpload(upload.fileName, upload.content);
  await scanUpload({ name: upload.fileName, content: upload.content, what: "导入表格" }, { actor: by.actor, ip: by.ip });
  const rows = await readSheet(upload.content, importer.columns, importer.required);
  let report: RowsReport;
  try {
    await db.$transaction(
      async (tx) => {
        throw new Rollback(await importer.importRows(tx, rows, { ...by, preview: true }));
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
    throw new Error("unreachable");
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    report = error.report;
  }
  // The upload waits in the file store under a key nobody can guess; the token names it and its hash.
  const key = `imports/${importer.kind}-${crypto.randomBytes(16).toString("hex")}`;
  await fileStore().put(key, upload.content);
  const token = signImportToken(importSecret(), {
    kind: importer.kind,
    key,
    sha256: sha256(upload.content),
    rows: rows.length,
    userId: by.actor.id,
    exp: (by.now ?? new Date()).getTime() + IMPORT_TOKEN_TTL_MS,
    nonce: crypto.randomBytes(16).toString("base64url"),
  });
  const bad = report.outcomes.filter((row) => row.problems.length > 0).length;
  return { kind: importer.kind, token, columns: [...importer.columns], rows: report.outcomes, good: report.outcomes.length - bad, bad };
}

const ALREADY_IMPORTED = "这份预览已经确认导入过，不会重复导入";

export async function confirmImport<P>(importer: Importer<P>, token: string, by: ImportBy): Promise<ImportResult> {
  const checked = verifyImportToken(importSecret(), token, { kind: importer.kind, userId: by.actor.id }, (by.now ?? new Date()).getTime());
  if ("problem" in checked) throw new ActionError(checked.problem);
  const { payload } = checked;
  const nonce = `import-${payload.nonce}`;
  if (await db.challengeUse.findUnique({ where: { nonce } })) throw new ActionError(ALREADY_IMPORTED);
  const content = await fileStore().get(payload.key);
  if (!content || sha256(content) !== payload.sha256) throw new ActionError("上传的文件已失效，请重新上传");
  const rows = await readSheet(content, importer.columns, importer.required);
  if (rows.length !== payload.rows) throw new ActionError("上传的文件已失效，请重新上传");
  const prepared = importer.prepare ? await importer.prepare(rows) : undefined;
  let report: RowsReport;
  try {
    report = await db.$transaction(
      async (tx) => {
        // A second confirmation of the same preview (a double click) waits here, then fails on the key.
        await tx.challengeUse.create({ data: { nonce } });
        const result = await importer.importRows(tx, rows, { ...by, preview: false, prepared });
        const bad = result.outcomes.filter((row) => row.problems.length > 0);
        await writeAudit(
          {
            actor: by.actor,
            action: importer.audit.action,
            entityType: importer.audit.entityType,
            summary: `导入 ${result.outcomes.length - bad.length} 个${IMPORT_NOUNS[importer.kind]}，${bad.length} 行有误`,
            details: { rows: rows.length, errors: bad.map((row) => ({ row: row.row, problems: row.problems })) },
            ip: by.ip,
          },
          tx,
        );
        return result;
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
  } catch (error) {
    // Rows catch their own duplicates in their savepoints: a duplicate key here is the recorded nonce.
    if ((error as { code?: string }).code === "P2002") throw new ActionError(ALREADY_IMPORTED);
    throw error;
  }
  await fileStore().remove(payload.key);
  const bad = report.outcomes.filter((row) => row.problems.length > 0);
  return { kind: importer.kind, columns: [...importer.columns], imported: report.outcomes.length - bad.length, bad, accounts: report.accounts };
}
