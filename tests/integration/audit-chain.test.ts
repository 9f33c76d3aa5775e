// The audit log's hash chain: every writer's entries are linked alike (the app, a second process's pool, raw SQL)
// just after they commit (decision 0103), pending entries cannot be changed either, the verification finds a row changed or removed behind the triggers' back (as the database superuser), a signed
// export checks out on its own and fails when touched, and nothing younger than 180 days can be removed.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { chainPending, writeAudit } from "@/lib/audit/log";
import { checkExport, exportPublicKey, GENESIS, seqRange, signedRange, verifyChain } from "@/lib/audit/chain";
import { verifyAuditChain } from "@/lib/audit/actions";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const SECRET = "audit-chain-test-secret-of-at-least-32-bytes";
process.env.NEXTAUTH_SECRET = SECRET;

let superuser: pg.Client;
const OLD = Date.now() - 200 * 86_400_000;

beforeAll(async () => {
  superuser = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await superuser.connect();
  // Three entries from 200 days ago, first in the chain (written before anything else in this database).
  expect(await db.auditLog.count()).toBe(0);
  for (let n = 0; n < 3; n++) await db.auditLog.create({ data: { action: "auth.login", summary: `旧记录 ${n}`, at: new Date(OLD + n) } });
  const county = await makeCounty();
  await actAs(await makeUser(["AUDIT_ADMIN"], county.section.id));
  return async () => {
    signOutTestUser();
    await superuser.end();
  };
});

async function asSuperuser(sql: string) {
  await superuser.query("BEGIN");
  await superuser.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`);
  await superuser.query(sql);
  await superuser.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`);
  await superuser.query("COMMIT");
}

describe("the hash chain", () => {
  it("numbers and links every entry from the first one, whoever writes it", async () => {
    await writeAudit({ actor: null, action: "auth.login", summary: "应用写入", details: { 数: 1.5, list: [1, "二"] }, ip: "10.0.0.1" });
    // A writer cannot choose its place or hashes: the entry is pending until the chaining links it.
    await superuser.query(
      `INSERT INTO "AuditLog" ("action", "summary", "outcome", "seq", "prevHash", "hash") VALUES ('auth.logout', 'psql 写入', 'SUCCESS', 999, 'x', 'y')`,
    );
    expect(await db.auditLog.findFirstOrThrow({ where: { summary: "psql 写入" } })).toMatchObject({ seq: null, prevHash: "", hash: "" });
    await chainPending();
    expect(await db.auditLog.count({ where: { seq: null } })).toBe(0);
    const rows = await db.auditLog.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(rows[0].prevHash).toBe(GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(await verifyChain()).toMatchObject({ checked: rows.length, firstSeq: "1", anchored: false, broken: null, pending: 0 });
  });

  it("keeps a pending entry append-only: the chaining may set its place and hashes, nothing else", async () => {
    const [{ id }] = await superuser
      .query(`INSERT INTO "AuditLog" ("action", "summary", "outcome") VALUES ('auth.login', '待链接', 'SUCCESS') RETURNING "id"`)
      .then((r) => r.rows);
    await expect(db.auditLog.update({ where: { id: BigInt(id) }, data: { summary: "改" } })).rejects.toThrow(/append-only/);
    // The chaining's flag set by hand opens nothing but the chain fields of a pending entry.
    const asChaining = (sql: string) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('cxxm.audit_chain', 'on', true)`);
        await tx.$executeRawUnsafe(sql);
      });
    await expect(asChaining(`UPDATE "AuditLog" SET "summary" = '改', "seq" = 100000 WHERE "id" = ${id}`)).rejects.toThrow(/append-only/);
    await expect(asChaining(`DELETE FROM "AuditLog" WHERE "id" = ${id}`)).rejects.toThrow(/append-only/);
    await chainPending();
    const linked = await db.auditLog.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(linked.seq).not.toBeNull();
    // Once linked, not even the chain fields can change.
    await expect(asChaining(`UPDATE "AuditLog" SET "hash" = '${"b".repeat(64)}' WHERE "id" = ${id}`)).rejects.toThrow(/append-only/);
    expect((await verifyChain()).broken).toBeNull();
  });

  it("stays one chain when two processes write at once", async () => {
    // Two pools of their own, as two app processes would have, plus this process's client.
    const pools = [new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 }), new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })];
    const before = await db.auditLog.count();
    const perWriter = 100;
    const started = performance.now();
    await Promise.all([
      ...pools.flatMap((pool, p) =>
        Array.from({ length: 4 }, async (_, w) => {
          for (let n = 0; n < perWriter; n++) {
            await pool.query(`INSERT INTO "AuditLog" ("action", "summary", "outcome") VALUES ('auth.login', $1, 'SUCCESS')`, [`进程${p} 写者${w} 第${n}条`]);
          }
        }),
      ),
      (async () => {
        for (let n = 0; n < perWriter; n++)
          await db.$transaction(async (tx) => writeAudit({ actor: null, action: "auth.logout", summary: `事务内 第${n}条` }, tx));
      })(),
    ]);
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(pools.map((pool) => pool.end()));
    const written = 9 * perWriter;
    expect(await db.auditLog.count()).toBe(before + written);
    const report = await verifyChain({ batchSize: 97 });
    expect(report.broken).toBeNull();
    expect(report.checked).toBe(before + written);
    // Speed is the benchmark's to measure (npm run bench), not a test's: on a loaded machine a floor here fails at random.
    console.info(`audit chain: ${written} concurrent writes by 9 writers in ${seconds.toFixed(2)} s (${Math.round(written / seconds)}/s)`);
  });

  it("refuses to chain under REPEATABLE READ, where the previous entry could be invisible", async () => {
    // A client of its own: a failed Prisma transaction here left Prisma's pool hanging at the end of the file.
    // Writing is allowed at any level (the entry is pending); linking is not.
    await superuser.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    await superuser.query(`INSERT INTO "AuditLog" ("action", "summary", "outcome") VALUES ('auth.login', 'RR', 'SUCCESS')`);
    await expect(superuser.query(`SELECT audit_log_chain_pending()`)).rejects.toThrow(/READ COMMITTED/);
    await superuser.query("ROLLBACK");
    expect(await db.auditLog.count({ where: { summary: "RR" } })).toBe(0);
  });
});

describe("signed export", () => {
  it("checks out with the page's public key, and fails when an entry, a hash or the key is changed", async () => {
    const range = (await seqRange())!;
    expect(range.fromSeq).toBe(1n);
    const doc = await signedRange(SECRET, range.fromSeq + 1n, range.toSeq);
    expect(doc.count).toBe(Number(range.toSeq - range.fromSeq));
    expect(doc.entries[0].seq).toBe("2");
    const { publicKey } = exportPublicKey(SECRET);
    expect(checkExport(doc, publicKey)).toEqual([]);
    // Through JSON and back, as a file.
    const copy = () => JSON.parse(JSON.stringify(doc)) as typeof doc;
    const edited = copy();
    edited.entries[1].canonical = edited.entries[1].canonical.replace("旧记录", "新记录");
    expect(checkExport(edited, publicKey)).toEqual([`第 ${edited.entries[1].seq} 条的哈希与其内容不符`]);
    const rehashed = copy();
    rehashed.entries[1].hash = "f".repeat(64);
    expect(checkExport(rehashed, publicKey)).toContain("签名不符：文件被改动，或不是本系统导出的");
    const dropped = copy();
    dropped.entries.splice(1, 1);
    expect(checkExport(dropped, publicKey).length).toBeGreaterThan(0);
    expect(checkExport(doc, exportPublicKey("another-secret-of-at-least-32-bytes!!").publicKey)).toEqual(["签名不符：文件被改动，或不是本系统导出的"]);
  });
});

describe("tampering behind the triggers' back", () => {
  it("is found by the verification, at the changed row, and a removed row as a gap", async () => {
    const target = await db.auditLog.findFirstOrThrow({ where: { summary: "应用写入" } });
    await asSuperuser(`UPDATE "AuditLog" SET "summary" = '篡改' WHERE "id" = ${target.id}`);
    let report = await verifyChain({ batchSize: 50 });
    expect(report.broken).toMatchObject({ seq: target.seq!.toString(), problem: "内容与哈希不符（本条被改动）" });
    expect(report.checked).toBe(Number(target.seq) - 1);

    // The audit admin's check says the same, and is itself audited as a failure.
    const result = await verifyAuditChain();
    expect(result?.data?.broken?.seq).toBe(target.seq!.toString());
    expect(await db.auditLog.findFirst({ where: { action: "audit.verify" }, orderBy: { id: "desc" } })).toMatchObject({ outcome: "FAILURE" });

    // Put back: the chain holds again. A row removed from the middle is a gap.
    await asSuperuser(`UPDATE "AuditLog" SET "summary" = '应用写入' WHERE "id" = ${target.id}`);
    expect((await verifyChain()).broken).toBeNull();
    const middle = await db.auditLog.findFirstOrThrow({ where: { summary: "psql 写入" } });
    await asSuperuser(`DELETE FROM "AuditLog" WHERE "id" = ${middle.id}`);
    report = await verifyChain();
    expect(report.broken).toMatchObject({ seq: (middle.seq! + 1n).toString(), problem: `第 ${middle.seq} 至 ${middle.seq} 条不见了（被删除）` });
    // A recomputed hash does not help either: the next entry's link no longer fits.
    await asSuperuser(
      `INSERT INTO "AuditLog" ("id", "at", "action", "summary", "outcome", "seq", "prevHash", "hash") VALUES (${middle.id}, '${middle.at.toISOString()}', 'auth.logout', '伪造', 'SUCCESS', ${middle.seq}, '${middle.prevHash}', '${"a".repeat(64)}')`,
    );
    expect((await verifyChain()).broken).toMatchObject({ seq: middle.seq!.toString(), problem: "内容与哈希不符（本条被改动）" });
    await asSuperuser(`DELETE FROM "AuditLog" WHERE "id" = ${middle.id}`);
    await asSuperuser(
      `INSERT INTO "AuditLog" ("id", "at", "action", "summary", "outcome", "seq", "prevHash", "hash") VALUES (${middle.id}, '${middle.at.toISOString()}', '${middle.action}', '${middle.summary}', '${middle.outcome}', ${middle.seq}, '${middle.prevHash}', '${middle.hash}')`,
    );
    expect((await verifyChain()).broken).toBeNull();
  });
});

describe("retention", () => {
  it("removes nothing younger than 180 days, not even through the purge function, and purges older entries as a prefix", async () => {
    const young = await db.auditLog.findFirstOrThrow({ where: { summary: "应用写入" } });
    await expect(db.$executeRawUnsafe(`SELECT audit_log_purge(now() - interval '179 days')`)).rejects.toThrow(/至少保留 180 天/);
    // Setting the purge flag by hand does not open the door for young rows either.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('cxxm.audit_purge', 'on', true)`);
        await tx.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "id" = ${young.id}`);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.auditLog.update({ where: { id: young.id }, data: { summary: "x" } })).rejects.toThrow(/append-only/);

    const count = await db.auditLog.count();
    const [{ removed }] = await db.$queryRawUnsafe<{ removed: bigint }[]>(`SELECT audit_log_purge(now() - interval '190 days') AS removed`);
    expect(removed).toBe(3n);
    expect(await db.auditLog.count()).toBe(count - 3 + 1);
    expect(await db.auditLog.count({ where: { summary: { startsWith: "旧记录" } } })).toBe(0);
    const purge = await db.auditLog.findFirstOrThrow({ where: { action: "audit.purge" } });
    expect(purge.summary).toMatch(/审计日志 3 条/);
    // The chain now starts at entry 4, anchored on the removed entry 3's hash, and holds.
    expect(await verifyChain()).toMatchObject({ firstSeq: "4", anchored: true, broken: null });
  });
});
