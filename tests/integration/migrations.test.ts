// The migration runner and the schema drift check, each case on its own empty database of the test server.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, assertSchemaCurrent, migrate, migrationStatus, readMigrations, splitStatements } from "@/lib/db/migrations";
import { schemaDrift } from "@/scripts/schema-drift";
import { bin, run } from "@/scripts/runtime";
import { emptyDatabase } from "./support/databases";

const temporary: string[] = [];

const freshDatabase = () => emptyDatabase("mig");

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A copy of the real migrations folder, the first `count` of them, to add or edit migrations in. */
function copyMigrations(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  temporary.push(dir);
  for (const { name } of readMigrations().slice(0, count)) {
    fs.cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const tableExists = async (url: string, table: string) =>
  (await query<{ found: boolean }>(url, `SELECT to_regclass('"${table}"') IS NOT NULL AS found`))[0].found;

afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe("migration runner", () => {
  const all = readMigrations().map((migration) => migration.name);

  it("applies every migration once and records Prisma's checksum", async () => {
    const url = await freshDatabase();
    expect(await migrate(url)).toEqual(all);
    expect(await migrate(url)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(all);
    const first = fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, all[0], "migration.sql"));
    expect(rows[0].checksum).toBe(crypto.createHash("sha256").update(first).digest("hex"));
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("continues a database migrated by prisma migrate deploy: nothing to apply, no checksum complaint", async () => {
    const url = await freshDatabase();
    await run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url });
    expect(await migrationStatus(url)).toEqual({ applied: all, pending: [], edited: [], unknown: [], failed: [] });
    expect(await migrate(url)).toEqual([]);
    await expect(assertSchemaCurrent(url)).resolves.toBeTruthy();
  }, 120_000);

  it("rolls back a migration that fails half-way and keeps the earlier ones", async () => {
    const url = await freshDatabase();
    const dir = copyMigrations(2);
    addMigration(dir, "29990101000000_broken", `CREATE TABLE "HalfWay" (id int);\nINSERT INTO "NoSuchTable" VALUES (1);\n`);
    const failure = await migrate(url, { migrationsDir: dir }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain("29990101000000_broken");
    expect((failure as Error).message).toContain('relation "NoSuchTable" does not exist');
    expect((failure as Error).message).toContain("第 2 行");
    expect(await tableExists(url, "HalfWay")).toBe(false);
    const rows = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
    expect(rows.map((row) => row.migration_name)).toEqual(all.slice(0, 2));
    expect(await tableExists(url, "Unit")).toBe(true);
  });

  it("two migrate() calls at once apply each migration once", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    // One of them did all the work; the other waited for the lock and found nothing to do.
    expect([...a, ...b].sort()).toEqual(all);
    expect([a.length, b.length].sort((x, y) => x - y)).toEqual([0, all.length]);
    const counts = await query<{ migration_name: string; n: string }>(url, `SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY 1`);
    expect(counts).toHaveLength(all.length);
    expect(counts.every((row) => row.n === "1")).toBe(true);
  }, 60_000);

  it("refuses an applied migration that was edited afterwards and applies nothing further", async () => {
    const url = await freshDatabase();
    const dir = copyMigrations(2);
    await migrate(url, { migrationsDir: dir });
    fs.appendFileSync(path.join(dir, all[1], "migration.sql"), "\n-- a later edit\n");
    addMigration(dir, "29990101000000_next", `CREATE TABLE "AfterEdit" (id int);`);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(new RegExp(`${all[1]}.*校验和不符`));
    expect(await tableExists(url, "AfterEdit")).toBe(false);
    expect((await migrationStatus(url, { migrationsDir: dir })).edited).toEqual([all[1]]);
  });

  it("refuses to go on after an unfinished row (a failed prisma migrate deploy)", async () => {
    const url = await freshDatabase();
    const dir = copyMigrations(1);
    await migrate(url, { migrationsDir: dir });
    await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL`);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/未完成.*prisma migrate resolve/s);
  });

  it("reports pending, edited and unknown migrations; assertSchemaCurrent refuses pending ones", async () => {
    const url = await freshDatabase();
    const dir = copyMigrations(3);
    await migrate(url, { migrationsDir: dir });
    expect(await migrationStatus(url, { migrationsDir: dir })).toEqual({
      applied: all.slice(0, 3),
      pending: [],
      edited: [],
      unknown: [],
      failed: [],
    });
    await expect(assertSchemaCurrent(url, { migrationsDir: dir })).resolves.toBeTruthy();

    // The code moves ahead: the real folder has more migrations than this database.
    const behind = await migrationStatus(url);
    expect(behind.pending).toEqual(all.slice(3));
    await expect(assertSchemaCurrent(url)).rejects.toThrow(`数据库结构落后于程序：有 ${all.length - 3} 个迁移未执行，请先运行 npm run migrate`);

    // Edited, and a database newer than the code (a migration the code does not know).
    fs.appendFileSync(path.join(dir, all[2], "migration.sql"), "\n-- edited\n");
    fs.rmSync(path.join(dir, all[1]), { recursive: true });
    const status = await migrationStatus(url, { migrationsDir: dir });
    expect(status).toEqual({ applied: [all[0], all[2]], pending: [], edited: [all[2]], unknown: [all[1]], failed: [] });
    await expect(assertSchemaCurrent(url, { migrationsDir: dir })).rejects.toThrow(/校验和不符/);
  });

  it("applies a `-- no-transaction` migration statement by statement (CREATE INDEX CONCURRENTLY)", async () => {
    const url = await freshDatabase();
    const dir = copyMigrations(1);
    addMigration(
      dir,
      "29990101000000_concurrently",
      `-- no-transaction\n-- An index built without blocking writes; a ';' in a comment does not split.\n` +
        `CREATE INDEX CONCURRENTLY "Unit_sortOrder_idx" ON "Unit" ("sortOrder");\n` +
        `CREATE INDEX CONCURRENTLY "Unit_version_idx" ON "Unit" ("version");\n`,
    );
    expect(await migrate(url, { migrationsDir: dir })).toEqual([all[0], "29990101000000_concurrently"]);
    const indexes = await query<{ indexname: string }>(
      url,
      `SELECT indexname FROM pg_indexes WHERE indexname LIKE 'Unit_%_idx' AND indexname IN ('Unit_sortOrder_idx', 'Unit_version_idx')`,
    );
    expect(indexes).toHaveLength(2);
  });

  it("splits statements without breaking strings, dollar quotes and comments", () => {
    const sql = `-- head; comment\nSELECT 'a;b', E'c\\';d';\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n/* x; */ SELECT "x;y"`;
    expect(splitStatements(sql).map((statement) => statement.trim())).toEqual([
      `-- head; comment\nSELECT 'a;b', E'c\\';d'`,
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
      `/* x; */ SELECT "x;y"`,
    ]);
  });
});

describe("schema drift check (CI fails when schema.prisma and the migrations disagree)", () => {
  it("finds no difference after the migrations, and a difference after a change by hand", async () => {
    const url = await freshDatabase();
    await migrate(url);
    const clean = await schemaDrift(url);
    expect(clean.output).toContain("No difference detected");
    expect(clean.exitCode, clean.output).toBe(0);

    await query(url, `ALTER TABLE "Unit" ADD COLUMN "handMade" text`);
    const drifted = await schemaDrift(url);
    expect(drifted.exitCode, drifted.output).toBe(2);
    expect(drifted.output).toContain("handMade");
  }, 120_000);
});
