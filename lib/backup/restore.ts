// Rebuilds an empty installation from a backup archive (lib/backup/backup.ts): checks the manifest, runs the
// migrations it names, then loads every table and file in one pass over the archive. The data goes in
// one transaction, committed only after every checksum and row count matched: all or nothing.
import fs from "node:fs";
import zlib from "node:zlib";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import * as tar from "tar";
import type { FileStore } from "../storage/types";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  COPY_SESSION,
  Digest,
  appTables,
  appliedMigrations,
  codeMigrations,
  loadOrder,
  quoteIdent,
  sequenceColumns,
  type Manifest,
  MIGRATION_SEEDED_TABLES,
} from "./catalog";

export type RestoreEvent =
  | { stage: "manifest"; manifest: Manifest }
  | { stage: "migrated" }
  | { stage: "table"; table: string; rows: number }
  | { stage: "file"; key: string; size: number };

export type RestoreOptions = {
  archive: string;
  databaseUrl: string;
  store: FileStore;
  /** The app's migration runner; defaults to scripts/runtime's. */
  migrate?: (databaseUrl: string) => Promise<void>;
  /** The migrations the code has; defaults to the migrations folder. */
  migrations?: string[];
  onProgress?: (event: RestoreEvent) => void | Promise<void>;
};

export class RestoreError extends Error {}

/** Keys of the store that an empty installation may still hold: probes and waiting imports (both temporary). */
const TRANSIENT_KEY = /^(health|imports)\//;

const MANIFEST_LIMIT = 256 * 1024 * 1024;

export async function restore(options: RestoreOptions): Promise<Manifest> {
  const progress = options.onProgress ?? (() => {});
  const migrate = options.migrate ?? (await import("../../scripts/runtime")).migrate;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const written: string[] = [];
  let inTransaction = false;
  let manifest: Manifest | undefined;
  const loadedTables = new Set<string>();
  const loadedFiles = new Set<string>();
  try {
    for (const statement of COPY_SESSION) await client.query(statement);
    let order: string[] = [];
    let dependencies = new Map<string, string[]>();

    await readArchive(options.archive, async (entry, index) => {
      if (index === 0) {
        if (entry.path !== "manifest.json") throw new RestoreError("备份文件格式不对：开头不是 manifest.json");
        manifest = checkManifest(JSON.parse(await readSmall(entry)), options.migrations ?? codeMigrations());
        await progress({ stage: "manifest", manifest });
        await refuseNonEmpty(client, options.store);
        await migrate(options.databaseUrl);
        await progress({ stage: "migrated" });
        await client.query("BEGIN");
        inTransaction = true;
        // Deferrable keys (a section's head, decision 0030) are checked at commit, once both sides are loaded.
        await client.query("SET CONSTRAINTS ALL DEFERRED");
        // The audit entries come with their hash chain (seq, prevHash, hash): the chaining trigger keeps them.
        await client.query("SET LOCAL cxxm.audit_restore = 'on'");
        // Checked again inside the transaction that loads: nobody wrote between the first look and now.
        await refuseNonEmpty(client, null);
        const applied = await appliedMigrations(client);
        if (applied.join("\n") !== manifest.migrations.join("\n")) throw new RestoreError("目标数据库执行迁移后与备份记录的迁移不一致，已停止恢复");
        const tables = loadOrder(await appTables(client));
        // What the migrations wrote gives way to the archive's rows (nothing references them yet: all else is empty).
        for (const name of MIGRATION_SEEDED_TABLES) await client.query(`DELETE FROM ${quoteIdent(name)}`);
        order = tables.map((table) => table.name);
        dependencies = new Map(tables.map((table) => [table.name, table.references]));
        const archived = manifest.tables.map((table) => table.name).sort();
        if (archived.join("\n") !== [...order].sort().join("\n")) {
          throw new RestoreError(`备份中的数据表与迁移后的数据库不一致（备份：${archived.join("、")}）`);
        }
        return;
      }
      if (!manifest) throw new RestoreError("备份文件格式不对：缺少 manifest.json");
      if (entry.type !== "File") throw new RestoreError(`备份文件含有意外的条目：${entry.path}`);
      const table = manifest.tables.find((candidate) => candidate.file === entry.path);
      if (table) {
        if (loadedTables.has(table.name)) throw new RestoreError(`备份中 ${table.name} 出现了两次`);
        const missing = (dependencies.get(table.name) ?? []).filter((parent) => !loadedTables.has(parent));
        if (missing.length > 0) throw new RestoreError(`备份中 ${table.name} 排在它引用的 ${missing.join("、")} 之前，无法按外键顺序恢复`);
        const digest = new Digest();
        const columns = table.columns.map(quoteIdent).join(", ");
        const sink = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${columns}) FROM STDIN`));
        await pipeline(entry, digest, sink);
        if (digest.sha256() !== table.sha256) throw new RestoreError(`数据表 ${table.name} 的校验值不符，备份文件已损坏或被改动`);
        if (sink.rowCount !== table.rows) throw new RestoreError(`数据表 ${table.name} 载入 ${sink.rowCount} 行，备份记录为 ${table.rows} 行`);
        loadedTables.add(table.name);
        await progress({ stage: "table", table: table.name, rows: table.rows });
        return;
      }
      const file = manifest.files.find((candidate) => candidate.file === entry.path);
      if (!file) throw new RestoreError(`备份文件含有清单之外的条目：${entry.path}`);
      if (loadedFiles.has(file.key)) throw new RestoreError(`备份中文件 ${file.key} 出现了两次`);
      const digest = new Digest();
      written.push(file.key);
      // The store reads from the digest while the archive feeds it; the hash is known when both are done.
      await Promise.all([pipeline(entry, digest), options.store.put(file.key, digest)]);
      if (digest.sha256() !== file.sha256 || digest.bytes !== file.size) {
        throw new RestoreError(`文件 ${file.key} 的校验值不符，备份文件已损坏或被改动`);
      }
      loadedFiles.add(file.key);
      await progress({ stage: "file", key: file.key, size: file.size });
    });

    if (!manifest) throw new RestoreError("备份文件是空的");
    const absentTables = manifest.tables.filter((table) => !loadedTables.has(table.name));
    if (absentTables.length > 0) throw new RestoreError(`备份文件不完整，缺少数据表：${absentTables.map((table) => table.name).join("、")}`);
    const absentFiles = manifest.files.filter((file) => !loadedFiles.has(file.key));
    if (absentFiles.length > 0) throw new RestoreError(`备份文件不完整，缺少 ${absentFiles.length} 个文件`);
    for (const table of manifest.tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
      if (Number(rows[0].n) !== table.rows) throw new RestoreError(`数据表 ${table.name} 恢复后有 ${rows[0].n} 行，备份记录为 ${table.rows} 行`);
    }
    // COPY gives ids explicitly, so the sequences stand where the migrations left them: move each past the
    // largest id, or the next audit entry would collide with a restored one.
    for (const { table, column, sequence } of await sequenceColumns(client)) {
      await client.query(`SELECT setval($1, coalesce(max(${quoteIdent(column)}), 1), max(${quoteIdent(column)}) IS NOT NULL) FROM ${quoteIdent(table)}`, [
        sequence,
      ]);
    }
    await client.query("COMMIT");
    inTransaction = false;
    return manifest;
  } catch (error) {
    if (inTransaction) await client.query("ROLLBACK").catch(() => {});
    // The installation was empty: what this restore put into the store goes again.
    for (const key of written) await options.store.remove(key).catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

function checkManifest(value: unknown, code: string[]): Manifest {
  const manifest = value as Manifest;
  if (manifest?.format !== ARCHIVE_FORMAT) throw new RestoreError("这不是本系统的备份文件");
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION) throw new RestoreError(`不支持的备份格式版本 ${manifest.formatVersion}`);
  if (manifest.copyFormat !== "text") throw new RestoreError(`不支持的数据格式 ${manifest.copyFormat}`);
  const unknown = manifest.migrations.filter((name) => !code.includes(name));
  if (unknown.length > 0) {
    throw new RestoreError(`备份来自更新的版本（${manifest.appVersion}），本程序没有这些迁移：${unknown.join("、")}。请用该版本或更新的版本恢复`);
  }
  // A newer migration may transform data; run on an empty database it would skip the restored rows.
  // Restoring with the backup's own version and upgrading afterwards applies it to the real data.
  const newer = code.filter((name) => !manifest.migrations.includes(name));
  if (newer.length > 0) {
    throw new RestoreError(`本程序比备份多出迁移：${newer.join("、")}。请用备份时的版本（${manifest.appVersion}）恢复，再按正常步骤升级`);
  }
  return manifest;
}

async function refuseNonEmpty(client: pg.Client, store: FileStore | null) {
  for (const table of await appTables(client)) {
    if ((MIGRATION_SEEDED_TABLES as readonly string[]).includes(table.name)) continue;
    const { rows } = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS found`);
    if (rows[0].found) throw new RestoreError(`目标数据库不是空的（数据表 ${table.name} 中已有数据）。恢复只能在全新的空安装上进行`);
  }
  if (!store) return;
  for await (const object of store.list()) {
    if (!TRANSIENT_KEY.test(object.key)) throw new RestoreError(`目标文件存储不是空的（已有文件 ${object.key}）。恢复只能在全新的空安装上进行`);
  }
}

async function readSmall(entry: tar.ReadEntry): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.length;
    if (size > MANIFEST_LIMIT) throw new RestoreError("manifest.json 过大");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Calls `handle` for each entry of the .tar.gz, one after another: the parser holds the next entry (and
 * with it the file stream) until the previous handler is done, so memory stays at a chunk or two.
 */
async function readArchive(file: string, handle: (entry: tar.ReadEntry, index: number) => Promise<void>) {
  const parser = new tar.Parser({ strict: true });
  const controller = new AbortController();
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  let handlerFailed = false;
  let index = 0;
  parser.on("entry", (entry: tar.ReadEntry) => {
    const position = index++;
    chain = chain.then(async () => {
      if (failure) return void entry.resume();
      try {
        await handle(entry, position);
      } catch (error) {
        if (!failure) {
          failure = error;
          handlerFailed = true;
        }
        controller.abort();
      } finally {
        // A handler that stopped early (or failed) still lets the parser move on.
        entry.resume();
      }
    });
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  // Aborting after a failed handler also errors the parser; that error is the handler's, reported below.
  parsed.catch(() => {});
  try {
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), parser as unknown as NodeJS.WritableStream, { signal: controller.signal });
    await parsed;
  } catch (error) {
    failure ??= error;
  }
  await chain;
  if (failure) {
    // The handler's own errors (a checksum, a foreign key) say what went wrong; the reader's mean a broken file.
    if (handlerFailed || failure instanceof RestoreError) throw failure;
    throw new RestoreError(`备份文件无法读取：${failure instanceof Error ? failure.message : String(failure)}`);
  }
}
