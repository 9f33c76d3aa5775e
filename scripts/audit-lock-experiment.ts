// The cost of the audit chain's lock held through COMMIT (decision 0103): 8 connections, each committing an UPDATE
// and an audit-like insert, with pg_advisory_xact_lock(7263019) taken last (as the score save did) and without it.
// Works in a scratch database `lockexp` it makes and drops on the benchmark's cluster, while `npm run bench` (or
// `npm start` on that data folder) has it running:
//   BENCH_PG_PORT=54420 npx tsx scripts/audit-lock-experiment.ts
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? ".data-bench-50000");
const pw = fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
const base = `postgresql://postgres:${pw}@localhost:${process.env.BENCH_PG_PORT ?? 54369}/`;
const admin = new pg.Client({ connectionString: `${base}innovation` });
await admin.connect();
await admin.query("DROP DATABASE IF EXISTS lockexp");
await admin.query("CREATE DATABASE lockexp");
await admin.end();
const db = new pg.Pool({ connectionString: `${base}lockexp`, max: 16 });
await db.query(`CREATE TABLE t (id bigserial primary key, v int, payload text)`);
await db.query(`CREATE TABLE a (id bigserial primary key, seq bigint, prev text, hash text, body text)`);
await db.query(`CREATE INDEX ON a(seq)`);
await db.query(`INSERT INTO t (v) SELECT g FROM generate_series(1,16) g`);
for (const s of ["show synchronous_commit", "show fsync", "show wal_sync_method", "show commit_delay"]) console.log(s, (await db.query(s)).rows[0]);
async function run(name: string, locked: boolean, secs = 4) {
  const end = Date.now() + secs * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: 8 }, async (_, lane) => {
      const c = await db.connect();
      while (Date.now() < end) {
        await c.query("BEGIN");
        await c.query("UPDATE t SET v = v + 1, payload = $2 WHERE id = $1", [lane + 1, "x".repeat(200)]);
        if (locked) {
          await c.query("SELECT pg_advisory_xact_lock(7263019)");
          await c.query(`INSERT INTO a (seq, prev, hash, body) SELECT coalesce(max(seq),0)+1, '', encode(sha256('x'::bytea),'hex'), 'b' FROM a`);
        } else await c.query(`INSERT INTO a (seq, prev, hash, body) VALUES (NULL, '', '', 'b')`);
        await c.query("COMMIT");
        n++;
      }
      c.release();
    }),
  );
  console.log(name, (n / secs).toFixed(0), "/s");
}
for (let i = 0; i < 2; i++) {
  await run("locked c8", true);
  await run("unlocked c8", false);
}
await db.end();
const a2 = new pg.Client({ connectionString: `${base}innovation` });
await a2.connect();
await a2.query("DROP DATABASE lockexp");
await a2.end();
