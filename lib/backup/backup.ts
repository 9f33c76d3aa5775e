// One archive (.tar.gz) of the database and the stored files, taken while the app keeps running
// (docs/decisions/0012-backups.md). The data comes from one REPEATABLE READ snapshot through COPY; the
// schema is not dumped: the manifest names the applied migrations and restore runs those.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import * as tar from "tar";
import type { FileStore } from "../storage/types";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  COPY_SESSION,
  Digest,
  storageKeyColumns,
  appTables,
  appVersion,
  appliedMigrations,
  loadOrder,
  quoteIdent,
  type Manifest,
  type ManifestFile,
  type ManifestTable,
} from "./catalog";

export type BackupEvent =
  | { stage: "snapshot"; snapshotAt: string }
  | { stage: "table"; table: string; rows: number }
  | { stage: "file"; key: string; size: number }
  | { stage: "missing"; key: string };

export type BackupOptions = {
  databaseUrl: string;
  store: FileStore;
  outDir: string;
  /** Defaults to backup-<Beijing time>.tar.gz. */
  fileName?: string;
  /** Awaited: progress for the command line, and a drill can hold the snapshot open while writes go on. */
  onProgress?: (event: BackupEvent) => void | Promise<void>;
};

/** 20261203-142501 in Beijing time, whatever the server's zone: the name people read and sort by. */
export function beijingStamp(date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}-${parts.hour === "24" ? "00" : parts.hour}${parts.minute}${parts.second}`;
}

export async function backup(options: BackupOptions): Promise<{ archive: string; manifest: Manifest }> {
  const progress = options.onProgress ?? (() => {});
  await fsp.mkdir(options.outDir, { recursive: true });
  const archive = path.join(options.outDir, options.fileName ?? `backup-${beijingStamp()}.tar.gz`);
  if (fs.existsSync(archive)) throw new Error(`备份文件已存在：${archive}`);
  // Tables and files are spooled next to the archive first: a tar header needs each entry's size before its
  // bytes, a COPY's size is known only at its end, and the manifest (with every checksum) goes first in the
  // archive so that restore can check it before loading anything. Disk, not memory, holds them meanwhile.
  const staging = await fsp.mkdtemp(path.join(options.outDir, ".backup-staging-"));
  const partial = `${archive}.partial`;
  try {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    let snapshot: Awaited<ReturnType<typeof copySnapshot>>;
    try {
      snapshot = await copySnapshot(client, staging, progress);
    } finally {
      await client.end();
    }

    // The keys are write-once, so copying the files after the snapshot's transaction ended gives the same
    // bytes; only a removal in between can change anything, and that is recorded, not fatal.
    const files: ManifestFile[] = [];
    const missingFiles: Manifest["missingFiles"] = [];
    for (const ref of snapshot.keys) {
      const source = await options.store.open(ref.key);
      if (!source) {
        missingFiles.push(ref);
        await progress({ stage: "missing", key: ref.key });
        continue;
      }
      const file = `files/${ref.key}`;
      await fsp.mkdir(path.dirname(path.join(staging, file)), { recursive: true });
      const digest = new Digest();
      await pipeline(source, digest, fs.createWriteStream(path.join(staging, file), { flags: "wx" }));
      files.push({ key: ref.key, file, size: digest.bytes, sha256: digest.sha256() });
      await progress({ stage: "file", key: ref.key, size: digest.bytes });
    }

    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: new Date().toISOString(),
      snapshotAt: snapshot.snapshotAt,
      serverVersion: snapshot.serverVersion,
      migrations: snapshot.migrations,
      lastMigration: snapshot.migrations.at(-1) ?? null,
      copyFormat: "text",
      tables: snapshot.tables,
      files,
      missingFiles,
    };
    await fsp.writeFile(path.join(staging, "manifest.json"), JSON.stringify(manifest, null, 2));
    // Entries in load order, manifest first: restore reads the archive once, front to back.
    await tar.create({ gzip: true, portable: true, cwd: staging, file: partial, noDirRecurse: true }, [
      "manifest.json",
      ...snapshot.tables.map((table) => table.file),
      ...files.map((file) => file.file),
    ]);
    // Only a complete archive ever carries the final name.
    await fsp.rename(partial, archive);
    return { archive, manifest };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
    await fsp.rm(partial, { force: true });
  }
}

/** Every table and the referenced storage keys, all from one snapshot. */
async function copySnapshot(client: pg.Client, staging: string, progress: (event: BackupEvent) => void | Promise<void>) {
  for (const statement of COPY_SESSION) await client.query(statement);
  // One snapshot for everything: rows written while the copy runs are not in it, and no row of it
  // points at a row that is not. READ ONLY: a backup never takes a lock that blocks the app's writes.
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    // The first statement fixes the snapshot.
    const head = await client.query<{ at: Date; version: string }>("SELECT clock_timestamp() AS at, current_setting('server_version') AS version");
    const snapshotAt = head.rows[0].at.toISOString();
    await progress({ stage: "snapshot", snapshotAt });
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) throw new Error("数据库尚未执行任何迁移，没有可备份的内容");
    const tables: ManifestTable[] = [];
    await fsp.mkdir(path.join(staging, "db"), { recursive: true });
    for (const table of loadOrder(await appTables(client))) {
      const file = `db/${table.name}.copy`;
      const columns = table.columns.map(quoteIdent).join(", ");
      // Text format: enum arrays (User.roles) in binary carry the enum type's OID, which differs in the
      // restored database; text is also independent of the server's major version and readable in an emergency.
      const source = client.query(copyTo(`COPY (SELECT ${columns} FROM ${quoteIdent(table.name)}) TO STDOUT`));
      const digest = new Digest();
      await pipeline(source, digest, fs.createWriteStream(path.join(staging, file), { flags: "wx" }));
      tables.push({ name: table.name, file, columns: table.columns, rows: digest.lines, bytes: digest.bytes, sha256: digest.sha256() });
      await progress({ stage: "table", table: table.name, rows: digest.lines });
    }
    const keys: Manifest["missingFiles"] = [];
    for (const { table, column } of await storageKeyColumns(client)) {
      const { rows } = await client.query<{ key: string }>(
        `SELECT ${quoteIdent(column)} AS key FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} IS NOT NULL ORDER BY 1`,
      );
      for (const row of rows) keys.push({ key: row.key, table, column });
    }
    await client.query("COMMIT");
    return { snapshotAt, serverVersion: head.rows[0].version, migrations, tables, keys };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
