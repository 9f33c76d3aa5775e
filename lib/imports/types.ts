// What the preview and the result show for each row. Pure: used by client and server.
import type { ImportKind } from "@/lib/imports/token";

export type { ImportKind };

/** One problem of a row: the column it is in ("" when it concerns the whole row) and why, in Chinese. */
export type RowProblem = { column: string; message: string };

export type RowOutcome = { row: number; cells: string[]; problems: RowProblem[] };

export type ImportPreview = { kind: ImportKind; token: string; columns: string[]; rows: RowOutcome[]; good: number; bad: number };

/** Accounts made by a people import, with the temporary password shown this once. */
export type ImportedAccount = { row: number; username: string; name: string; unit: string; temporaryPassword: string };

export type ImportResult = { kind: ImportKind; columns: string[]; imported: number; bad: RowOutcome[]; accounts?: ImportedAccount[] };

export const IMPORT_NOUNS: Record<ImportKind, string> = { units: "单位", users: "账户", topics: "选题" };
