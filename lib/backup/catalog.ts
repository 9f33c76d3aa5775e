// What backup and restore need to know about the database, read from the catalog rather than listed by
// hand, so that a table added by a later migration is backed up without anyone remembering to add it here.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The migration runner's own bookkeeping: the restore's migrations write it, so it is never copied. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export const ARCHIVE_FORMAT = "innovation-projects-backup";
export const ARCHIVE_FORMAT_VERSION = 1;

/**
 * Session settings under which every COPY of both sides runs. Text COPY writes values as the session
 * shows them: pinning the time zone and date style makes an archive load the same on any server.
 */
export const COPY_SESSION = [
  "SET client_encoding = 'UTF8'",
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
];

/**
 * Tables whose rows a migration writes (the default 党组织领域 of 20261204200000_sectors, the default 调研领域 of
 * 20261207100000_research_topics, the plan item kinds of 20261207400000_work_plan): a new installation
 * has them before anything else happens, so the restore does not count them as data, and replaces them with
 * the archive's rows (which hold the same defaults and whatever the county changed).
 */
export const MIGRATION_SEEDED_TABLES = ["Sector", "ResearchArea", "PlanItemKind"] as const;

/** The column name every table of stored files uses for its file store key (Attachment, LedgerAttachment, …). */
export const STORAGE_KEY_COLUMN = "storageKey";

/**
 * Columns holding file store keys: the stored objects a backup must contain. Read from the catalog like the
 * tables, so that a new table of files (a proposal's, an event's materials, the ledger's evidence, a 四个一 item's)
 * is backed up by naming its key column `storageKey`, without anyone remembering to list it here.
 */
export async function storageKeyColumns(client: pg.ClientBase): Promise<{ table: string; column: string }[]> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition AND a.attname = $1
      ORDER BY c.relname`,
    [STORAGE_KEY_COLUMN],
  );
  return rows;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** The migrations this code has, by folder name (the order they are applied in). */
export function codeMigrations(dir = path.join(ROOT, "prisma", "migrations")): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The migrations applied to a database; empty when the runner has never run there. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [`public.${quoteIdent(MIGRATIONS_TABLE)}`]);
  if (!exists.rows[0].found) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${quoteIdent(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

export type TableInfo = { name: string; columns: string[]; references: string[] };

/** Every ordinary table of the public schema but the migrations' own, with its copyable columns and foreign keys. */
export async function appTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            -- generated columns are computed by the server and refuse values from COPY
            AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition AND c.relname <> $1
      GROUP BY c.relname
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  // A deferrable key (Unit.headId, in a cycle with User.unitId) is checked at the restore's commit (it sets
  // its constraints deferred), so it does not order the load either.
  const keys = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND NOT k.condeferrable`,
  );
  return tables.rows.map((table) => ({
    name: table.name,
    columns: table.columns,
    // A self-reference (Unit.parentId) is checked at the end of the one COPY statement, so it does not order anything.
    references: keys.rows.filter((key) => key.child === table.name && key.parent !== table.name).map((key) => key.parent),
  }));
}

/** Parents before children (Kahn's algorithm, ties by name so that both sides compute the same order). */
export function loadOrder(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.values()]
      .filter((table) => table.references.every((parent) => !remaining.has(parent)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (ready.length === 0) throw new Error(`外键存在循环，无法确定恢复顺序：${[...remaining.keys()].join("、")}`);
    for (const table of ready) {
      ordered.push(table);
      remaining.delete(table.name);
    }
  }
  return ordered;
}

/** Serial and identity columns with their sequences (AuditLog.id): restore sets each to the loaded maximum. */
export async function sequenceColumns(client: pg.ClientBase): Promise<{ table: string; column: string; sequence: string }[]> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string | null }>(
    `SELECT c.relname AS table, a.attname AS column,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  return rows.filter((row): row is { table: string; column: string; sequence: string } => row.sequence !== null);
}

/**
 * Passes bytes through while hashing and counting them. In COPY's text format a newline inside a value is
 * written as \n, so every raw newline byte ends one row: counting them counts the rows without parsing.
 */
export class Digest extends Transform {
  private readonly hash = crypto.createHash("sha256");
  bytes = 0;
  lines = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.lines++;
    done(null, chunk);
  }

  private digest?: string;
  /** The hex sha256 once everything has passed. */
  sha256(): string {
    this.digest ??= this.hash.digest("hex");
    return this.digest;
  }
}

export type ManifestTable = { name: string; file: string; columns: string[]; rows: number; bytes: number; sha256: string };
export type ManifestFile = { key: string; file: string; size: number; sha256: string };

export type Manifest = {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  /** The database clock when the snapshot was taken: every commit acknowledged before it is in the archive. */
  snapshotAt: string;
  serverVersion: string;
  migrations: string[];
  lastMigration: string | null;
  copyFormat: "text";
  /** In load order (parents first). */
  tables: ManifestTable[];
  files: ManifestFile[];
  /** Referenced by a row of the snapshot but gone from the store when copied (removed by the app meanwhile). */
  missingFiles: { key: string; table: string; column: string }[];
};
