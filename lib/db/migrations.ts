// The migration runner (docs/decisions/0011-migration-runner.md). It applies prisma/migrations/<name>/migration.sql
// in name order and records them in Prisma's own table, so databases migrated earlier by `prisma migrate deploy`
// carry on without a step. Unlike `migrate deploy` it applies each migration in one transaction (or not at all),
// refuses a migration edited after it was applied, and can tell the app that the schema is older than the code.
// No `server-only` here: the start script, the CLI and the server all import it.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";

// From this file under tsx (scripts, tests); inside Next's compiled server code import.meta.dirname is not a real
// path, and the app is started from the repository, so the working directory is the root there.
const root =
  typeof import.meta.dirname === "string" && fs.existsSync(path.resolve(import.meta.dirname, "../../prisma"))
    ? path.resolve(import.meta.dirname, "../..")
    : process.cwd();
export const DEFAULT_MIGRATIONS_DIR = path.join(root, "prisma", "migrations");

// The key Prisma Migrate itself locks (prisma-engines, postgres connector). Using the same one means this runner
// and a stray `prisma migrate deploy` cannot run side by side either.
export const MIGRATION_LOCK_KEY = 72707369;

// A first line `-- no-transaction` runs the file outside a transaction, one statement at a time: for statements
// PostgreSQL refuses inside one (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE before PG 12, VACUUM).
const NO_TRANSACTION = /^\s*--\s*no-transaction\s*$/i;

// Exactly the table `prisma migrate deploy` creates (checked against Prisma 6.19's), IF NOT EXISTS added.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string; transactional: boolean };

export type MigrationStatus = {
  /** In the code and finished in the database (edited ones included). */
  applied: string[];
  /** In the code, not yet applied: the database is older than the code. */
  pending: string[];
  /** Applied, but the file has changed since. */
  edited: string[];
  /** Finished in the database but absent from the code: the database is newer than the code. */
  unknown: string[];
  /** Started but never finished (a failed `-- no-transaction` file or a failed `prisma migrate deploy`). */
  failed: string[];
};

export type MigrateOptions = { log?: (message: string) => void; migrationsDir?: string };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

type Queryable = { query: (text: string) => Promise<{ rows: unknown[] }> };
type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Prisma's checksum: the sha256 hex of migration.sql. */
export function checksumOf(sql: string) {
  return crypto.createHash("sha256").update(sql, "utf8").digest("hex");
}

const TRANSACTION_CONTROL = /^(BEGIN|COMMIT|ROLLBACK|END|START\s+TRANSACTION|ABORT)(\s+(WORK|TRANSACTION))?$/i;
const withoutComments = (statement: string) => statement.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim();

/**
 * Whether a file still matches the checksum recorded when it was applied. Accepted like Prisma does: the other
 * line ending (git may check a file out with CRLF on Windows), and the unpadded hex that early Prisma versions
 * wrote (prisma-engines#1887), so that no installation Prisma accepts is refused here.
 */
export function checksumMatches(sql: string, recorded: string) {
  const variants = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")];
  return variants.some((text) => {
    const digest = crypto.createHash("sha256").update(text, "utf8").digest();
    if (recorded.length === 64) return digest.toString("hex") === recorded;
    return Array.from(digest, (byte) => byte.toString(16)).join("") === recorded;
  });
}

export function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const names = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    // Byte order, as Prisma sorts them; localeCompare could order differently on another machine.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!fs.existsSync(file)) {
      throw new MigrationError(`迁移目录 ${name} 中没有 migration.sql / Migration folder ${name} has no migration.sql`, name);
    }
    const sql = fs.readFileSync(file, "utf8");
    const transactional = !NO_TRANSACTION.test(sql.split("\n", 1)[0]);
    // COMMIT inside the file would end our transaction early and silently break all-or-nothing.
    if (transactional && splitStatements(sql).some((statement) => TRANSACTION_CONTROL.test(withoutComments(statement)))) {
      throw new MigrationError(
        `迁移 ${name} 自带 BEGIN/COMMIT：每个迁移已自动在一个事务中执行，请删除这些语句 / ` +
          `Migration ${name} contains its own BEGIN/COMMIT: every migration already runs in one transaction, remove them`,
        name,
      );
    }
    return { name, sql, checksum: checksumOf(sql), transactional };
  });
}

async function readRows(client: Queryable): Promise<Row[]> {
  const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
  if (!(exists.rows[0] as { exists: boolean }).exists) return [];
  const result = await client.query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
  return result.rows as Row[];
}

function compare(migrations: Migration[], rows: Row[]): MigrationStatus {
  // A row marked rolled back (`prisma migrate resolve --rolled-back`) no longer counts: the migration is pending again.
  const live = rows.filter((row) => row.rolled_back_at === null);
  const finished = new Map(live.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const inCode = new Set(migrations.map((migration) => migration.name));
  const status: MigrationStatus = { applied: [], pending: [], edited: [], unknown: [], failed: [] };
  for (const migration of migrations) {
    const row = finished.get(migration.name);
    if (!row) {
      status.pending.push(migration.name);
      continue;
    }
    status.applied.push(migration.name);
    if (!checksumMatches(migration.sql, row.checksum)) status.edited.push(migration.name);
  }
  for (const name of finished.keys()) if (!inCode.has(name)) status.unknown.push(name);
  for (const row of live) {
    if (row.finished_at === null && !finished.has(row.migration_name)) status.failed.push(row.migration_name);
  }
  status.unknown.sort();
  return status;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** What is applied, pending, edited and unknown; takes a connected client (or pool) or a URL. */
export async function migrationStatus(database: Queryable | string, options: Pick<MigrateOptions, "migrationsDir"> = {}): Promise<MigrationStatus> {
  const migrations = readMigrations(options.migrationsDir);
  if (typeof database === "string") return withClient(database, async (client) => compare(migrations, await readRows(client)));
  return compare(migrations, await readRows(database));
}

function refusal(status: MigrationStatus): MigrationError | null {
  if (status.failed.length > 0) {
    const name = status.failed[0];
    return new MigrationError(
      `迁移 ${name} 曾开始执行但未完成（_prisma_migrations 中无完成时间），已拒绝继续。请检查数据库并手工修复，` +
        `然后用 npx prisma migrate resolve --rolled-back ${name}（或 --applied）标记后再运行 npm run migrate。 / ` +
        `Migration ${name} was started but never finished; refusing to go on. Repair the database by hand, mark it with ` +
        `\`npx prisma migrate resolve --rolled-back ${name}\` (or --applied), then run npm run migrate again.`,
      name,
    );
  }
  if (status.edited.length > 0) {
    const name = status.edited[0];
    return new MigrationError(
      `迁移 ${name} 已在数据库中执行，但其文件之后被修改过（校验和不符），已拒绝执行任何迁移。` +
        `请恢复该文件的原内容，并把新的改动写成一个新的迁移。 / ` +
        `Migration ${name} was applied but its file has been edited since (checksum mismatch); nothing was applied. ` +
        `Restore the file and put the change in a new migration.`,
      name,
    );
  }
  return null;
}

/** Throws (in Chinese) when the database is behind the code, so that the app refuses to serve. */
export async function assertSchemaCurrent(url: string, options: Pick<MigrateOptions, "migrationsDir"> = {}) {
  const status = await migrationStatus(url, options);
  const refused = refusal(status);
  if (refused) throw refused;
  if (status.pending.length > 0) {
    throw new MigrationError(
      `数据库结构落后于程序：有 ${status.pending.length} 个迁移未执行，请先运行 npm run migrate` +
        `（${status.pending.join("、")}） / The database schema is older than the code: ` +
        `${status.pending.length} migration(s) pending, run npm run migrate first`,
      status.pending[0],
    );
  }
  return status;
}

function explainFailure(error: unknown, sql: string): string {
  const failure = error as { message?: string; position?: string; detail?: string };
  let text = failure.message ?? String(error);
  // PostgreSQL reports a character offset into the query, which here is the file: turn it into a line number.
  if (failure.position) text += `（第 ${sql.slice(0, Number(failure.position)).split("\n").length} 行 / line）`;
  if (failure.detail) text += ` ${failure.detail}`;
  return text;
}

async function applyInTransaction(client: pg.Client, migration: Migration) {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // No parameters: pg sends the whole file as one simple query, so it may hold many statements and
    // semicolons inside function bodies and comments (Prisma's runner splits on them).
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
      [crypto.randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(
      `迁移 ${migration.name} 执行失败，已整体回滚，数据库保持原样：${explainFailure(error, migration.sql)} / ` +
        `Migration ${migration.name} failed and was rolled back, the database is unchanged.`,
      migration.name,
    );
  }
}

async function applyWithoutTransaction(client: pg.Client, migration: Migration) {
  // The row goes in first, unfinished: if a statement (or the process) fails half-way, the next run refuses
  // instead of replaying statements that already took effect.
  const id = crypto.randomUUID();
  await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
    id,
    migration.checksum,
    migration.name,
  ]);
  const statements = splitStatements(migration.sql);
  for (const [index, statement] of statements.entries()) {
    try {
      // One statement per query: several in one simple query form an implicit transaction, which
      // CREATE INDEX CONCURRENTLY refuses.
      await client.query(statement);
    } catch (error) {
      const message = explainFailure(error, statement);
      await client.query(`UPDATE "_prisma_migrations" SET logs = $2, applied_steps_count = $3 WHERE id = $1`, [id, message, index]);
      throw new MigrationError(
        `迁移 ${migration.name}（不在事务中执行）在第 ${index + 1} 条语句失败，之前的 ${index} 条已生效，需要手工处理：${message} / ` +
          `Migration ${migration.name} (no transaction) failed at statement ${index + 1}; the ${index} before it took effect.`,
        migration.name,
      );
    }
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = $2 WHERE id = $1`, [id, statements.length]);
}

/**
 * Applies the pending migrations; returns their names. Two processes starting at once: the second waits for the
 * lock, then finds nothing to do.
 */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.migrationsDir);
  // The lock lives on its own connection, held for the whole run; closing it (or the process dying) releases it.
  return withClient(url, async (lock) => {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      return await withClient(url, async (client) => {
        await client.query(CREATE_TABLE);
        const status = compare(migrations, await readRows(client));
        const refused = refusal(status);
        if (refused) throw refused;
        if (status.unknown.length > 0) {
          log(`注意：数据库中有程序不认识的迁移（数据库比程序新）：${status.unknown.join("、")}`);
        }
        const pending = new Set(status.pending);
        const applied: string[] = [];
        for (const migration of migrations) {
          if (!pending.has(migration.name)) continue;
          const started = Date.now();
          if (migration.transactional) await applyInTransaction(client, migration);
          else await applyWithoutTransaction(client, migration);
          applied.push(migration.name);
          log(`已执行迁移 ${migration.name}（${Date.now() - started} ms）`);
        }
        return applied;
      });
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => {});
    }
  });
}

/**
 * Splits SQL into statements at top-level semicolons, for `-- no-transaction` files only. Knows quoted strings
 * ('…', E'…'), quoted names, dollar-quoted bodies and comments, so semicolons inside them do not split.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    const next = sql[i + 1];
    if (char === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (char === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (char === "'" || char === '"') {
      const escapes = char === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/\w/.test(sql[i - 2] ?? "");
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === "\\") i += 2;
        else if (sql[i] === char && sql[i + 1] === char) i += 2;
        else if (sql[i] === char) break;
        else i++;
      }
      i++;
    } else if (char === "$" && !/\w/.test(sql[i - 1] ?? "")) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? sql.length : end + tag[0].length;
      } else i++;
    } else if (char === ";") {
      statements.push(sql.slice(start, i));
      i++;
      start = i;
    } else i++;
  }
  statements.push(sql.slice(start));
  // Drop pieces that hold only comments and whitespace (the file's header, the text after the last semicolon).
  return statements.filter((statement) => withoutComments(statement) !== "");
}
