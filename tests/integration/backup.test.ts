// The restore drill: data made through the app, a backup taken while writes continue, a restore into a new
// empty database and upload folder, and a check that the copy is whole and consistent.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createProject, uploadAttachment } from "@/lib/projects/actions";
import { uploadPracticeAttachment } from "@/lib/practice/actions";
import { createSuggestionRecord, ensureDefaultAspects } from "@/lib/suggestions/service";
import { createYearRecord } from "@/lib/years/service";
import { writeAudit } from "@/lib/audit/log";
import { formatDate } from "@/lib/time";
import { LocalFileStore } from "@/lib/storage/local";
import { storeFromEnv } from "@/lib/storage/from-env";
import { backup } from "@/lib/backup/backup";
import { restore, RestoreError } from "@/lib/backup/restore";
import { migrate } from "../../scripts/runtime";
import { actAs, makeCounty, makeUser, signInForTest } from "./support/fixtures";
import { emptyDatabase } from "./support/databases";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
process.env.UPLOAD_DIR = uploads;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "backup-drill-"));
const YEAR = Number(formatDate(new Date()).slice(0, 4));

let clerk: Awaited<ReturnType<typeof makeUser>>;
let attachment: { storageKey: string; content: Buffer };
let practiceFile: { storageKey: string; content: Buffer };

/** A new empty database on the test server, with no migrations: restore runs them. */
const emptyTarget = () => emptyDatabase("restore");

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function counts(url: string, tables: string[]) {
  return withClient(url, async (client) => {
    const result: Record<string, number> = {};
    for (const table of tables) result[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    return result;
  });
}

beforeAll(async () => {
  const county = await makeCounty();
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  await ensureDefaultAspects();
  // A proposal with an attachment, through the actions as a township clerk would do it.
  await actAs(clerk);
  const yearId = (await db.year.findUniqueOrThrow({ where: { year: YEAR } })).id;
  await db.yearWindow.update({
    where: { yearId_kind: { yearId, kind: "PROPOSAL" } },
    data: { startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() + 86_400_000) },
  });
  const projectId = (await createProject({ yearId }))!.data!.id;
  // Big enough that copying it takes a moment, with bytes that a text conversion would change.
  const content = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(2 * 1024 * 1024), Buffer.from("\r\n\0%%EOF\n")]);
  const form = new FormData();
  form.set("projectId", projectId);
  form.set("file", new File([new Uint8Array(content)], "实施方案.pdf"));
  expect((await uploadAttachment(form))?.data?.fileName).toBe("实施方案.pdf");
  const stored = await db.attachment.findFirstOrThrow({ where: { projectId } });
  attachment = { storageKey: stored.storageKey, content };
  // A 四个一 file (another table of stored files): a cadre's 调研报告 material, before the report's first save.
  const cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  await actAs(cadre);
  const notes = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(64 * 1024), Buffer.from("\n%%EOF\n")]);
  const practice = new FormData();
  for (const [key, value] of Object.entries({ year: String(YEAR), kind: "RESEARCH", period: "1" })) practice.set(key, value);
  practice.set("file", new File([new Uint8Array(notes)], "走访记录.pdf"));
  expect((await uploadPracticeAttachment(practice))?.data?.fileName).toBe("走访记录.pdf");
  practiceFile = { storageKey: (await db.practiceAttachment.findFirstOrThrow()).storageKey, content: notes };
  await actAs(clerk);
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let archive: string;

  it("takes a consistent backup while suggestions keep coming in, and restores it into an empty installation", async () => {
    const aspect = await db.suggestionAspect.findFirstOrThrow({ where: { category: "CADRE" } });
    // Sequential writes: each one is acknowledged (committed) before the next starts.
    const acknowledged: { id: string; at: number }[] = [];
    let writing = true;
    let serial = 0;
    const writer = (async () => {
      while (writing) {
        const suggestion = await db.$transaction((tx) =>
          createSuggestionRecord(
            tx,
            { category: "CADRE", aspectId: aspect.id, content: `建议加强年轻干部培养（第 ${++serial} 条）`, submitterName: null, contact: null },
            { actor: null, unitId: null, ip: "127.0.0.1" },
          ),
        );
        acknowledged.push({ id: suggestion.id, at: Date.now() });
      }
    })();
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));

    const backupStartedAt = Date.now();
    let duringSnapshot = 0;
    const result = await backup({
      databaseUrl: process.env.DATABASE_URL!,
      store: storeFromEnv(),
      outDir: path.join(work, "backups"),
      onProgress: async (event) => {
        if (event.stage !== "snapshot") return;
        // Hold the snapshot open until the app has committed more: those rows must not be in the archive.
        const before = acknowledged.length;
        while (acknowledged.length < before + 5) await new Promise((resolve) => setTimeout(resolve, 5));
        duringSnapshot = acknowledged.length - before;
      },
    });
    writing = false;
    await writer;
    archive = result.archive;
    const { manifest } = result;

    expect(path.basename(archive)).toMatch(/^backup-\d{8}-\d{6}\.tar\.gz$/);
    expect(duringSnapshot).toBeGreaterThanOrEqual(5);
    expect(manifest.lastMigration).toBe(manifest.migrations.at(-1));
    expect(manifest.tables.map((table) => table.name)).not.toContain("_prisma_migrations");
    // Every table's stored files, found from the catalog's storageKey columns (the proposal's and the 四个一 item's here).
    expect(manifest.files).toHaveLength(2);
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: attachment.storageKey, size: attachment.content.length }),
        expect.objectContaining({ key: practiceFile.storageKey, size: practiceFile.content.length }),
      ]),
    );
    expect(manifest.missingFiles).toEqual([]);
    // Parents before children.
    const position = (name: string) => manifest.tables.findIndex((table) => table.name === name);
    expect(position("Unit")).toBeLessThan(position("User"));
    expect(position("Project")).toBeLessThan(position("Attachment"));
    // The source has more suggestions now than the snapshot held.
    const inSnapshot = manifest.tables.find((table) => table.name === "Suggestion")!.rows;
    expect(await db.suggestion.count()).toBeGreaterThan(inSnapshot);

    const target = await emptyTarget();
    const targetUploads = fs.mkdtempSync(path.join(work, "restored-uploads-"));
    await restore({ archive, databaseUrl: target, store: new LocalFileStore(targetUploads), migrate });

    const restored = await counts(
      target,
      manifest.tables.map((table) => table.name),
    );
    expect(restored).toEqual(Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows])));
    const restoredIds = await withClient(target, async (client) =>
      (await client.query<{ id: string }>(`SELECT id FROM "Suggestion"`)).rows.map((row) => row.id),
    );
    // Everything acknowledged before the backup started is there ...
    const before = acknowledged.filter((write) => write.at <= backupStartedAt);
    expect(before.length).toBeGreaterThanOrEqual(5);
    for (const write of before) {
      expect(restoredIds).toContain(write.id);
    }
    // ... and one snapshot means a prefix of the sequential writes: no later write without an earlier one,
    // and each suggestion with the audit entry of its own transaction.
    const order = acknowledged.map((write) => write.id);
    const restoredWrites = order.filter((id) => restoredIds.includes(id));
    expect(restoredWrites).toEqual(order.slice(0, restoredWrites.length));
    expect(restoredWrites.length).toBeLessThan(order.length);
    const audited = await withClient(target, async (client) =>
      (await client.query<{ id: string }>(`SELECT "entityId" AS id FROM "AuditLog" WHERE action = 'suggestion.create'`)).rows.map((row) => row.id).sort(),
    );
    expect(audited).toEqual([...restoredIds].sort());

    const bytes = await new LocalFileStore(targetUploads).get(attachment.storageKey);
    expect(bytes?.equals(attachment.content)).toBe(true);
    expect((await new LocalFileStore(targetUploads).get(practiceFile.storageKey))?.equals(practiceFile.content)).toBe(true);

    // The restored installation works: sign in against it, and a new audit entry gets a fresh id.
    const sourceUrl = process.env.DATABASE_URL;
    const holder = globalThis as { prisma?: { $disconnect(): Promise<void> } };
    try {
      await holder.prisma?.$disconnect();
      holder.prisma = undefined;
      process.env.DATABASE_URL = target;
      const { userId } = await signInForTest(clerk);
      expect(userId).toBe(clerk.id);
      await writeAudit({ actor: null, action: "suggestion.create", summary: "恢复后的新记录" });
      const ids = await withClient(
        target,
        async (client) => (await client.query<{ max: string; n: string }>(`SELECT max(id)::text AS max, count(DISTINCT id) AS n FROM "AuditLog"`)).rows[0],
      );
      expect(Number(ids.n)).toBe(restored.AuditLog + 2); // the sign-in's entry and ours
    } finally {
      await holder.prisma?.$disconnect();
      holder.prisma = undefined;
      process.env.DATABASE_URL = sourceUrl;
    }
  }, 120_000);

  it("refuses a target that already holds data", async () => {
    // The source database itself: migrated and full.
    const store = new LocalFileStore(fs.mkdtempSync(path.join(work, "other-uploads-")));
    await expect(restore({ archive, databaseUrl: process.env.DATABASE_URL!, store, migrate })).rejects.toThrow(/目标数据库不是空的/);
    // An empty database but a store with files in it.
    await expect(restore({ archive, databaseUrl: await emptyTarget(), store: new LocalFileStore(uploads), migrate })).rejects.toThrow(/目标文件存储不是空的/);
  }, 60_000);

  it("refuses an archive whose migrations this code does not have", async () => {
    const store = new LocalFileStore(fs.mkdtempSync(path.join(work, "old-code-uploads-")));
    const target = await emptyTarget();
    await expect(restore({ archive, databaseUrl: target, store, migrate, migrations: ["20261121133927_init"] })).rejects.toThrow(/本程序没有这些迁移/);
    // Nothing was migrated on the way.
    expect(await withClient(target, async (client) => (await client.query("SELECT to_regclass('public.\"User\"') AS t")).rows[0].t)).toBeNull();
  });

  it("fails on a tampered file, leaving the target empty", async () => {
    const unpacked = fs.mkdtempSync(path.join(work, "unpacked-"));
    await tar.extract({ file: archive, cwd: unpacked });
    const names: string[] = [];
    await tar.list({ file: archive, onReadEntry: (entry) => void names.push(entry.path) });
    const file = path.join(unpacked, "files", attachment.storageKey);
    const bytes = fs.readFileSync(file);
    bytes[100] ^= 0xff; // one flipped byte, same size
    fs.writeFileSync(file, bytes);
    const tampered = path.join(work, "tampered.tar.gz");
    await tar.create({ gzip: true, cwd: unpacked, file: tampered, noDirRecurse: true }, names);

    const target = await emptyTarget();
    const targetUploads = fs.mkdtempSync(path.join(work, "tampered-uploads-"));
    await expect(restore({ archive: tampered, databaseUrl: target, store: new LocalFileStore(targetUploads), migrate })).rejects.toThrow(
      new RestoreError(`文件 ${attachment.storageKey} 的校验值不符，备份文件已损坏或被改动`),
    );
    // All or nothing: no rows, no files; and the empty target can take the good archive afterwards.
    expect(await withClient(target, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n)).toBe(0);
    const left: string[] = [];
    for await (const object of new LocalFileStore(targetUploads).list()) left.push(object.key);
    expect(left).toEqual([]);
    await restore({ archive, databaseUrl: target, store: new LocalFileStore(targetUploads), migrate });
    expect(await withClient(target, async (client) => (await client.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n)).toBeGreaterThan(0);
  }, 60_000);
});
