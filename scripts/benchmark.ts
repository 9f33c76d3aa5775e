// `npm run bench`: not a test (docs/benchmark.md). Starts the production app on its own data folder with the demo
// county, adds a large generated programme (BENCH_PROJECTS projects, default 50,000, with their quarterly reports,
// hearing scores, 200 extra reviewers and 50,000 audit lines) in SQL, and measures in one run:
// - reads: pages as the users who open them (c1 p50/p90, c8 requests per second, HTML size), each against the raw
//   SQL of its main query through pg in the same run (the floor);
// - writes: the browser's own server action requests (captured once with Playwright from the real form, then
//   replayed with fetch at 1 and 8 connections), against the raw SQL write of the same rows at 1 and 8 connections;
// - 1 and 2 app processes; 200 reviewers saving and submitting at once with reconciliation; Excel exports with the
//   peak RSS of the app processes; a catalogue PDF; the first-load JS of every page from the build's manifests.
// It prints one table and writes bench/results.json. The generated rows are added once per scale; later runs reuse them.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { chromium } from "playwright-core";
import { root } from "./runtime";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54369);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 50_000);
const DATA_DIR = path.resolve(root, process.env.BENCH_DATA_DIR ?? `.data-bench-${PROJECTS}`);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const CROWD = Number(process.env.BENCH_CROWD ?? 200);
const CROWD_SECONDS = Number(process.env.BENCH_CROWD_SECONDS ?? 10);
const BASE = `http://localhost:${PORT}`;
const OUT = path.join(root, "bench", process.env.BENCH_OUT ?? "results.json");
// BENCH_ONLY=writes,crowd,scaling: only these groups of scenarios (exports, reads, writes, crowd, scaling, js); all by default.
const GROUPS = ["exports", "reads", "writes", "crowd", "scaling", "js"] as const;
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean),
);
for (const g of ONLY) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`BENCH_ONLY: unknown group ${g} (${GROUPS.join(", ")})`);
const runs = (group: (typeof GROUPS)[number]) => ONLY.size === 0 || ONLY.has(group);
const PASSWORD = "Demo@2026";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// ---------------------------------------------------------------------------------------------------------------
// Results

type Row = {
  scenario: string;
  p50_ms: number | null;
  p90_ms: number | null;
  rps_c8: number | null;
  floor_p50_ms: number | null;
  floor_rps_c8: number | null;
  /** app / floor: p50 ratio for reads measured at c1, throughput ratio (floor / app) for writes */
  ratio: number | null;
  goal: string;
  pass: boolean | null;
  /** a size, a memory peak or a count, for the rows that are not timings */
  value?: number | null;
  unit?: string;
  note?: string;
};
const results: Row[] = [];
const round = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;
function record(row: Row) {
  const clean: Row = {
    ...row,
    p50_ms: round(row.p50_ms),
    p90_ms: round(row.p90_ms),
    rps_c8: round(row.rps_c8),
    floor_p50_ms: round(row.floor_p50_ms, 2),
    floor_rps_c8: round(row.floor_rps_c8),
    ratio: round(row.ratio, 2),
    value: round(row.value),
  };
  results.push(clean);
  // Written as the run goes, so that a run stopped half-way keeps what it measured.
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(x));
  console.log(
    `  ${clean.pass === null ? "·" : clean.pass ? "✓" : "✗"} ${clean.scenario}: p50 ${fmt(clean.p50_ms)} p90 ${fmt(clean.p90_ms)} c8 ${fmt(clean.rps_c8)}/s floor ${fmt(clean.floor_p50_ms)} ms ${fmt(clean.floor_rps_c8)}/s ratio ${fmt(clean.ratio)} ${clean.value !== undefined ? `${fmt(clean.value)} ${clean.unit ?? ""}` : ""} ${clean.note ?? ""}`,
  );
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/**
 * CPU time (ms, user + system) each of the app's processes has used so far: the Node processes (the server and
 * its workers) and PostgreSQL's. Divided by the requests of a phase it gives the CPU one request costs, which the
 * load of a shared machine moves far less than requests per second (docs/benchmark.md, fifth round).
 */
function appCpuMs(): Map<number, { node: boolean; ms: number }> {
  const out = new Map<number, { node: boolean; ms: number }>();
  if (!app?.pid) return out;
  for (const pid of processTree(app.pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
      out.set(pid, { node: fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0].endsWith("node"), ms });
    } catch {
      // gone
    }
  }
  return out;
}

/** The CPU used between two samples (a process that ended meanwhile is left out; one that started counts whole). */
function cpuBetween(before: ReturnType<typeof appCpuMs>, after: ReturnType<typeof appCpuMs>) {
  const used = { node: 0, db: 0 };
  for (const [pid, { node, ms }] of after) {
    const delta = ms - (before.get(pid)?.ms ?? 0);
    if (node) used.node += delta;
    else used.db += delta;
  }
  return used;
}

/** Runs `work` by `concurrency` loops for `seconds`; each call returns whether it succeeded. */
async function load(concurrency: number, seconds: number, work: (lane: number) => Promise<boolean>) {
  const cpuBefore = appCpuMs();
  const until = performance.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      while (performance.now() < until) {
        const t = performance.now();
        const good = await work(lane).catch(() => false);
        times.push(performance.now() - t);
        if (good) ok++;
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = appCpuMs();
  const calls = Math.max(1, ok + failed);
  const used = cpuBetween(cpuBefore, cpuAfter);
  const cpu = { node: used.node / calls, db: used.db / calls };
  return { ok, failed, rps: ok / elapsed, p50: quantile(times, 0.5), p90: quantile(times, 0.9), cpu };
}

/** c1 timings: RUNS calls after 3 warm-ups, or fewer when a call is slow (at most about 2 × SECONDS). */
async function serial(work: () => Promise<boolean>) {
  // Three warm-ups (caches, the JIT), one when a call takes seconds (the unpaginated lists).
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const good = await work().catch(() => false);
    const ms = performance.now() - t;
    // A call of more than 10 s (an unpaginated list at 50,000 projects) is its own only sample.
    if (ms > 10_000) return { p50: ms, p90: ms, failed: good ? 0 : 1, n: 1 };
    if (ms > 1000) break;
  }
  const times: number[] = [];
  let failed = 0;
  const until = performance.now() + SECONDS * 2000;
  while (times.length < RUNS && (times.length < (times[0] > 3000 ? 3 : 5) || performance.now() < until)) {
    const t = performance.now();
    if (!(await work().catch(() => false))) failed++;
    times.push(performance.now() - t);
  }
  return { p50: quantile(times, 0.5), p90: quantile(times, 0.9), failed, n: times.length };
}

// ---------------------------------------------------------------------------------------------------------------
// The app

let app: ChildProcess | null = null;

function startApp(workers: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR,
      PORT: String(PORT),
      PG_PORT: String(PG_PORT),
      JOBS: "off",
      DATABASE_URL: "",
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout!.on("data", (chunk: Buffer) =>
    process.stdout.write(
      chunk
        .toString()
        .split("\n")
        .filter((l) => l.startsWith("•") || l.includes("Ready"))
        .map((l) => `${l}\n`)
        .join(""),
    ),
  );
  app = child;
  return child;
}

async function stopApp() {
  const child = app;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
  app = null;
}

async function waitForApp() {
  for (let i = 0; i < 1800; i++) {
    // A start that failed (a build error) ends the run: waiting on would measure whatever later takes the port.
    if (app && app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before it was ready`);
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("app did not start within 30 minutes");
}

/** The app's processes (the start script, the server, its workers) and their resident memory. */
function processTree(rootPid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      out.push(child);
      visit(child);
    }
  };
  visit(rootPid);
  return out;
}
function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmd.split("\0")[0].endsWith("node")) return 0; // PostgreSQL is not the app
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
/** Samples the largest resident set of one app process every 50 ms while `work` runs. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; beforeMb: number }> {
  const pids = processTree(app!.pid!);
  const sample = () => Math.max(0, ...pids.map(rssKb));
  const beforeMb = sample() / 1024;
  let peak = sample();
  const timer = setInterval(() => {
    peak = Math.max(peak, sample());
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, sample());
    return { result, peakMb: peak / 1024, beforeMb };
  } finally {
    clearInterval(timer);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data

/** The generated programme, in SQL so that 50,000 projects take seconds, not the services' minutes. */
async function generate(client: pg.Client) {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Project" WHERE "id" LIKE 'bench-%'`);
  const { rows: crowd } = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE "id" LIKE 'bench-r%'`);
  if (rows[0].n >= PROJECTS && crowd[0].n >= CROWD) return console.log(`• 已有 ${rows[0].n} 个生成项目，跳过生成`);
  console.log(`• 生成 ${PROJECTS} 个项目及其季度报告、听证评分、${CROWD} 名评审专家和 5 万条审计日志…`);
  const started = Date.now();
  await client.query("BEGIN");
  await client.query(`DELETE FROM "AuditLog" WHERE "entityId" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "Score" WHERE "assignmentId" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "ReviewAssignment" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "HearingReviewer" WHERE "hearingId" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "HearingItem" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "Hearing" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "ProgressReport" WHERE "projectId" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "ProjectMilestone" WHERE "projectId" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "Project" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "Session" WHERE "userId" LIKE 'bench-r%'`);
  await client.query(`DELETE FROM "User" WHERE "id" LIKE 'bench-r%'`);
  // Projects spread over the years, the townships and departments, every state, category, focus and tier.
  await client.query(
    `WITH units AS (SELECT array_agg("id" ORDER BY "code") AS ids FROM "Unit" WHERE "type" IN ('TOWNSHIP', 'DEPARTMENT') AND "active"),
          years AS (SELECT array_agg("id" ORDER BY "year") AS ids, array_agg("year" ORDER BY "year") AS nums FROM "Year"),
          words AS (SELECT ARRAY['党建引领','积分制管理','流动党员','无职党员设岗定责','一村一名入党积极分子','双定双评双述','三级四方共建','五有两保','党员服务承诺制','干部实绩档案','人才驿站','村级后备力量'] AS w)
     INSERT INTO "Project" ("id", "yearId", "unitId", "state", "title", "category", "focus", "tier", "problem", "measures", "submittedAt", "startedAt", "endedAt", "createdAt", "updatedAt")
     SELECT 'bench-' || g,
            years.ids[1 + g % array_length(years.ids, 1)],
            units.ids[1 + (g * 7) % array_length(units.ids, 1)],
            (ARRAY['DRAFT','SUBMITTED','IN_HEARING','APPROVED','REJECTED','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','COMPLETED','TERMINATED'])[1 + (g / 3) % 10]::"ProjectState",
            words.w[1 + g % 12] || '探索实践（第' || g || '号）',
            (ARRAY['CADRE','PARTY_BUILDING','TALENT','SELF_BUILDING'])[1 + (g / 7) % 4]::"SuggestionCategory",
            (ARRAY['KEY','DIFFICULT','HOT'])[1 + (g / 11) % 3]::"TopicFocus",
            (ARRAY['ROUTINE','KEY_WORK','FEATURE','INNOVATION'])[1 + (g / 13) % 4]::"TopicTier",
            '针对' || words.w[1 + (g / 5) % 12] || '工作中存在的薄弱环节，群众反映集中的问题。',
            '建立' || words.w[1 + (g / 3) % 12] || '工作机制，明确责任，定期评议。',
            make_timestamptz(years.nums[1 + g % array_length(years.ids, 1)], 3, 1, 9, 0, 0, 'Asia/Shanghai'),
            CASE WHEN (g / 3) % 10 IN (5, 6, 7, 8, 9) THEN make_timestamptz(years.nums[1 + g % array_length(years.ids, 1)], 4, 1, 9, 0, 0, 'Asia/Shanghai') END,
            CASE WHEN (g / 3) % 10 IN (8, 9) THEN make_timestamptz(years.nums[1 + g % array_length(years.ids, 1)], 11, 1, 9, 0, 0, 'Asia/Shanghai') END,
            now(), now()
     FROM generate_series(1, $1::int) AS g, units, years, words`,
    [PROJECTS],
  );
  // Quarterly reports of every started project for the quarters it ran, about one in six late.
  await client.query(
    `INSERT INTO "ProgressReport" ("id", "projectId", "year", "quarter", "status", "progress", "percent", "submittedAt", "late", "updatedAt")
     SELECT 'bench-' || p."id" || '-' || q, p."id", y."year", q, 'ACCEPTED', '按计划推进。', 25 * q,
            make_timestamptz(y."year", 3 * q, 28, 9, 0, 0, 'Asia/Shanghai') + CASE WHEN hashtext(p."id" || q) % 6 = 0 THEN interval '20 days' ELSE interval '0' END,
            hashtext(p."id" || q) % 6 = 0, now()
     FROM "Project" p JOIN "Year" y ON y."id" = p."yearId", generate_series(2, 4) AS q
     WHERE p."id" LIKE 'bench-%' AND p."startedAt" IS NOT NULL AND make_timestamptz(y."year", 1, 1, 0, 0, 0, 'Asia/Shanghai') + make_interval(months => 3 * q, days => 10) < now()`,
  );
  // One hearing per year; every submitted project on its agenda with three of the demo reviewers' scores (so
  // that each demo reviewer has tens of thousands of tasks, the issue's 24,000 at 50,000 projects).
  await client.query(
    `INSERT INTO "Hearing" ("id", "yearId", "kind", "level", "title", "heldAt", "place")
     SELECT 'bench-' || y."year", y."id", 'HEARING', 'COUNTY', y."year" || '年度生成数据听证会', make_timestamptz(y."year", 3, 20, 9, 0, 0, 'Asia/Shanghai'), '县委党校'
     FROM "Year" y`,
  );
  await client.query(
    `INSERT INTO "HearingItem" ("id", "hearingId", "projectId", "round", "sortOrder")
     SELECT 'bench-' || p."id", 'bench-' || y."year", p."id", 1, 0
     FROM "Project" p JOIN "Year" y ON y."id" = p."yearId"
     WHERE p."id" LIKE 'bench-%' AND p."state" NOT IN ('DRAFT', 'SUBMITTED')`,
  );
  await client.query(
    `WITH reviewers AS (SELECT array_agg("id" ORDER BY "username") AS ids FROM "User" WHERE 'REVIEWER' = ANY("roles"))
     INSERT INTO "ReviewAssignment" ("id", "itemId", "reviewerId")
     SELECT i."id" || '-' || r, i."id", reviewers.ids[1 + ((hashtext(i."id")::bigint & 1023) + r) % array_length(reviewers.ids, 1)]
     FROM "HearingItem" i, reviewers, generate_series(0, 2) AS r
     WHERE i."id" LIKE 'bench-%'`,
  );
  await client.query(
    `INSERT INTO "HearingReviewer" ("hearingId", "userId")
     SELECT DISTINCT i."hearingId", a."reviewerId" FROM "ReviewAssignment" a JOIN "HearingItem" i ON i."id" = a."itemId" WHERE a."id" LIKE 'bench-%'
     ON CONFLICT DO NOTHING`,
  );
  await client.query(
    `INSERT INTO "Score" ("id", "assignmentId", "values", "total", "submittedAt", "updatedAt")
     SELECT a."id", a."id", '{}'::jsonb, 60 + (hashtext(a."id") & 1023) % 36, now(), now()
     FROM "ReviewAssignment" a WHERE a."id" LIKE 'bench-%'`,
  );
  // The crowd of scoring day: CROWD more reviewers (the demo password, copied from a demo reviewer's row), each with
  // one task of the current year's hearing not scored yet.
  await client.query(
    `WITH model AS (SELECT "unitId", "passwordHash" FROM "User" WHERE 'REVIEWER' = ANY("roles") AND "id" NOT LIKE 'bench-%' ORDER BY "username" LIMIT 1)
     INSERT INTO "User" ("id", "username", "name", "unitId", "roles", "passwordHash", "mustChangePassword", "passwordChangedAt", "active", "updatedAt")
     SELECT 'bench-r' || g, 'benchr' || lpad(g::text, 3, '0'), '生成专家' || g, model."unitId", ARRAY['REVIEWER']::"Role"[], model."passwordHash", false, now(), true, now()
     FROM generate_series(1, $1::int) AS g, model`,
    [CROWD],
  );
  await client.query(
    `WITH items AS (
       SELECT i."id", i."hearingId", row_number() OVER (ORDER BY i."id") AS n
       FROM "HearingItem" i JOIN "Hearing" h ON h."id" = i."hearingId" JOIN "Year" y ON y."id" = h."yearId"
       WHERE i."id" LIKE 'bench-%' AND y."isCurrent")
     INSERT INTO "ReviewAssignment" ("id", "itemId", "reviewerId")
     SELECT 'bench-rv-' || g, items."id", 'bench-r' || g FROM generate_series(1, $1::int) AS g JOIN items ON items.n = g`,
    [CROWD],
  );
  await client.query(
    `INSERT INTO "HearingReviewer" ("hearingId", "userId")
     SELECT DISTINCT i."hearingId", a."reviewerId" FROM "ReviewAssignment" a JOIN "HearingItem" i ON i."id" = a."itemId" WHERE a."id" LIKE 'bench-rv-%'
     ON CONFLICT DO NOTHING`,
  );
  // 50,000 audit lines: the audit log's Excel export is capped at 50,000 rows.
  await client.query(
    `INSERT INTO "AuditLog" ("at", "actorUsername", "actorName", "action", "entityType", "entityId", "summary", "ip")
     SELECT now() - g * interval '1 minute', 'benchr' || lpad((1 + g % 200)::text, 3, '0'), '生成专家', 'hearing.score', 'Hearing', 'bench-audit-' || g,
            '生成数据：第 ' || g || ' 条评分记录', '127.0.0.1'
     FROM generate_series(1, 50000) AS g`,
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  const counts = await client.query(
    `SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "ProgressReport")::int AS reports, (SELECT count(*) FROM "Score")::int AS scores`,
  );
  console.log(
    `• 生成完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）：项目 ${counts.rows[0].projects}，季度报告 ${counts.rows[0].reports}，评分 ${counts.rows[0].scores}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP as the browser does it

/** Signs in through next-auth's credentials endpoint, as the browser's login form does; returns the cookie header. */
async function signIn(username: string, password = PASSWORD): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair.indexOf("=");
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${username} failed (${response.status})`);
  return cookie();
}

async function get(cookie: string, url: string): Promise<{ ok: boolean; bytes: number; status: number }> {
  const response = await fetch(`${BASE}${url}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  return { ok: response.status === 200, bytes: body.byteLength, status: response.status };
}

/** A server action request as the browser sent it: the page's URL, its headers, its body (React's encoded reply). */
type Captured = { url: string; headers: Record<string, string>; body: string };

/** Opens `page` in Chromium with the cookie, does `act`, and keeps the first server action request it sends. */
async function capture(cookie: string, page: string, act: (p: import("playwright-core").Page) => Promise<void>): Promise<Captured> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const index = pair.indexOf("=");
        return { name: pair.slice(0, index), value: pair.slice(index + 1), url: BASE };
      }),
    );
    const tab = await context.newPage();
    await tab.goto(`${BASE}${page}`);
    const request = tab.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]), { timeout: 30_000 });
    await act(tab);
    const sent = await request;
    const headers = await sent.allHeaders();
    const keep = ["next-action", "next-router-state-tree", "accept", "content-type", "origin", "next-url"];
    return {
      url: sent.url().replace(BASE, ""),
      headers: Object.fromEntries(Object.entries(headers).filter(([k]) => keep.includes(k))),
      body: sent.postData() ?? "",
    };
  } finally {
    await browser.close();
  }
}

/** Replays a captured action with another body (and another record's id in the URL and router state). */
async function act(cookie: string, captured: Captured, input: Record<string, unknown>, swap?: [string, string]) {
  const replace = (s: string) => (swap ? s.split(swap[0]).join(swap[1]) : s);
  const headers: Record<string, string> = { ...captured.headers, cookie };
  if (headers["next-router-state-tree"]) headers["next-router-state-tree"] = replace(headers["next-router-state-tree"]);
  const response = await fetch(`${BASE}${replace(captured.url)}`, { method: "POST", headers, body: JSON.stringify([input]) });
  const text = await response.text();
  // The action's result is in the flight response as {"data":{…}} (flat for these actions) or {"serverError":…} /
  // {"validationErrors":…}; a revalidating action's response also carries the re-rendered page.
  const parsed: { data?: Record<string, unknown>; serverError?: string; validationErrors?: unknown } = {};
  const data = /\{"data":(\{[^{}]*\})\}/.exec(text);
  if (data) parsed.data = JSON.parse(data[1]);
  else {
    const error = /"serverError":"((?:[^"\\]|\\.)*)"/.exec(text);
    if (error) parsed.serverError = JSON.parse(`"${error[1]}"`);
    else if (text.includes('"validationErrors":'))
      parsed.validationErrors = text.slice(text.indexOf('"validationErrors":'), text.indexOf('"validationErrors":') + 300);
    else parsed.serverError = `unexpected response: ${text.slice(0, 200)}`;
  }
  return {
    status: response.status,
    data: parsed.data,
    error: parsed.serverError ?? (parsed.validationErrors ? JSON.stringify(parsed.validationErrors) : undefined),
    bytes: text.length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

type Ctx = {
  db: pg.Pool;
  admin: string;
  yearId: string;
  year: number;
  heavyReviewer: { username: string; tasks: number };
};

async function readScenario(
  ctx: Ctx,
  name: string,
  cookie: string,
  url: string,
  floor: { sql: string; params: unknown[] }[] | null,
  goal: { text: string; check: (r: { p50: number; ratio: number | null; bytes: number }) => boolean },
) {
  let bytes = 0;
  let status = 0;
  const once = async () => {
    const r = await get(cookie, url);
    bytes = r.bytes;
    status = r.status;
    return r.ok;
  };
  const c1 = await serial(once);
  // A page that takes seconds (the unpaginated lists) is not loaded at c8: it would take minutes and say nothing new.
  const slow = (c1.p50 ?? 0) > 3000;
  const c8 = slow ? { rps: null, failed: 0 } : await load(8, SECONDS, () => once());
  let floorP50: number | null = null;
  let floorRps: number | null = null;
  if (floor) {
    const query = async () => {
      for (const q of floor) await ctx.db.query(q.sql, q.params);
      return true;
    };
    floorP50 = (await serial(query)).p50;
    floorRps = (await load(8, Math.min(SECONDS, 3), query)).rps;
  }
  const ratio = floorP50 && c1.p50 ? c1.p50 / floorP50 : null;
  const pass = status === 200 && c1.failed === 0 && goal.check({ p50: c1.p50 ?? Infinity, ratio, bytes }) && bytes <= 1024 * 1024;
  record({
    scenario: `${name} ${url}`,
    p50_ms: c1.p50,
    p90_ms: c1.p90,
    rps_c8: c8.rps,
    floor_p50_ms: floorP50,
    floor_rps_c8: floorRps,
    ratio,
    goal: `${goal.text}; HTML ≤ 1 MB`,
    pass,
    value: bytes / 1024,
    unit: "kB HTML",
    note:
      [status !== 200 || c1.failed || c8.failed ? `status ${status}, ${c1.failed + c8.failed} failed` : "", slow ? "c8 not run (p50 > 3 s)" : ""]
        .filter(Boolean)
        .join("; ") || undefined,
  });
}

/** The CPU one request of a c8 phase cost the app (its Node processes, then PostgreSQL). */
const cpuNote = (cpu: { node: number; db: number }) => `CPU per request at c8: app ${cpu.node.toFixed(2)} ms, PostgreSQL ${cpu.db.toFixed(2)} ms`;

type WriteSpec = {
  name: string;
  /** one lane's call: does the write through the app and returns whether it was acknowledged */
  lane: (lane: number) => Promise<boolean>;
  /** the same row's write in raw SQL, for lane `lane` */
  floor: (client: pg.PoolClient, lane: number) => Promise<void>;
  minRps: number;
  maxRatio: number | null;
};

async function writeScenario(ctx: Ctx, spec: WriteSpec, c1 = true) {
  const one = c1 ? await serial(() => spec.lane(0)) : null;
  const c8 = await load(8, SECONDS, (lane) => spec.lane(lane));
  const clients = await Promise.all(Array.from({ length: 8 }, () => ctx.db.connect()));
  const floor1 = await serial(async () => {
    await spec.floor(clients[0], 0);
    return true;
  });
  const floor8 = await load(8, Math.min(SECONDS, 3), async (lane) => {
    await spec.floor(clients[lane], lane);
    return true;
  });
  for (const c of clients) c.release();
  const ratio = c8.rps > 0 ? floor8.rps / c8.rps : null;
  const pass = c8.failed === 0 && c8.rps >= spec.minRps && (spec.maxRatio === null || (ratio !== null && ratio <= spec.maxRatio));
  record({
    scenario: spec.name,
    p50_ms: one?.p50 ?? c8.p50,
    p90_ms: one?.p90 ?? c8.p90,
    rps_c8: c8.rps,
    floor_p50_ms: floor1.p50,
    floor_rps_c8: floor8.rps,
    ratio,
    goal: `c8 ≥ ${spec.minRps}/s${spec.maxRatio ? `, ≤ ${spec.maxRatio}× below the floor` : ""}`,
    pass,
    note: `${c8.ok} ok, ${c8.failed + (one?.failed ?? 0)} failed${one ? "" : "; p50/p90 at c8"}; ${cpuNote(c8.cpu)}`,
  });
  return c8.rps;
}

async function scoreWrites(ctx: Ctx, cookies: string[], assignments: string[], captured: Captured, criteria: { key: string; max: number }[]) {
  const versions = new Map<string, number | undefined>();
  const { rows } = await ctx.db.query(`SELECT "assignmentId", "version" FROM "Score" WHERE "assignmentId" = ANY($1)`, [assignments]);
  for (const r of rows) versions.set(r.assignmentId, r.version);
  const capturedId = (JSON.parse(captured.body)[0] as { assignmentId: string }).assignmentId;
  let errorShown = false;
  const save = async (lane: number, submit: boolean, values: Record<string, number>) => {
    const id = assignments[lane];
    const r = await act(
      cookies[lane],
      captured,
      { assignmentId: id, version: versions.get(id), values, comment: "生成数据评语", recommendation: submit ? "APPROVE" : "", submit },
      [capturedId, id],
    );
    if (r.data && typeof r.data.version === "number") {
      versions.set(id, r.data.version);
      return r.data as { version: number; total: number | null };
    }
    if (!errorShown) {
      errorShown = true;
      console.log(`  ! 评分保存失败：${r.status} ${r.error ?? ""}`);
    }
    return null;
  };
  const sheet = (seed: number) => Object.fromEntries(criteria.map((c, i) => [c.key, (seed + i) % (c.max + 1)]));
  return { save, sheet, versions };
}

// ---------------------------------------------------------------------------------------------------------------
// First-load JS from the build's manifests

function firstLoadJs(): { page: string; kb: number }[] {
  const next = path.join(root, ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gz = new Map<string, number>();
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, zlib.gzipSync(fs.readFileSync(path.join(next, file))).byteLength);
    return gz.get(file)!;
  };
  const pages: { page: string; kb: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page_client-reference-manifest.js") {
        const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
        sandbox.globalThis = sandbox;
        vm.runInNewContext(fs.readFileSync(full, "utf8"), sandbox);
        for (const [page, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
          const files = new Set(build.rootMainFiles);
          // The page's own entry and the layouts, templates and boundaries above it.
          for (const [entry, chunks] of Object.entries(manifest.entryJSFiles ?? {})) {
            const segment = entry.replace("[project]/app", "").replace(/\/(page|layout|error|loading|template)$/, "");
            // not-found, forbidden, unauthorized and global-error load when they are shown, as in next build's table.
            if (/\/(not-found|forbidden|unauthorized|global-error)$/.test(entry)) continue;
            const route = page.replace(/\/page$/, "");
            if (route.startsWith(segment) || segment === "") for (const c of chunks) files.add(c);
          }
          const bytes = [...files].reduce((sum, f) => sum + size(f), 0);
          pages.push({ page: page.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/", kb: bytes / 1024 });
        }
      }
    }
  };
  walk(path.join(next, "server", "app"));
  return pages.sort((a, b) => b.kb - a.kb);
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const runStarted = Date.now();
  startApp(WORKERS);
  await waitForApp();
  const password = fs.readFileSync(path.join(DATA_DIR, "pg-password"), "utf8").trim();
  const url = `postgresql://postgres:${password}@localhost:${PG_PORT}/innovation`;
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  await generate(client).catch(async (error) => {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  });
  await client.end();
  const db = new pg.Pool({ connectionString: url, max: 10 });
  db.on("error", () => {});
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "ProgressReport")::int AS reports, (SELECT count(*) FROM "Score")::int AS scores`,
    )
  ).rows[0];
  const current = (await db.query(`SELECT "id", "year" FROM "Year" WHERE "isCurrent" LIMIT 1`)).rows[0];
  const heavy = (
    await db.query(
      `SELECT u."username", count(*)::int AS tasks FROM "ReviewAssignment" a JOIN "User" u ON u."id" = a."reviewerId" WHERE u."id" NOT LIKE 'bench-%' GROUP BY u."username" ORDER BY 2 DESC LIMIT 1`,
    )
  ).rows[0];
  const ctx: Ctx = { db, admin: await signIn("admin"), yearId: current.id, year: current.year, heavyReviewer: heavy };
  console.log(`• 数据：项目 ${counts.projects}，季度报告 ${counts.reports}，评分 ${counts.scores}；任务最多的评审专家 ${heavy.username}（${heavy.tasks} 项）`);

  const auditor = await signIn("auditor");
  const security = await signIn("security");
  if (runs("exports")) {
    // ----- exports and documents first, while the processes are fresh: the peak resident memory of one app process
    console.log("\n• 导出与文件");
    for (const [name, page, rows, who] of [
      ["Excel 导出：审计日志 50,000 行", "/audit/export", 50_000, auditor],
      ["Excel 导出：本年度项目", `/projects/export?year=${ctx.year}`, null, ctx.admin],
    ] as const) {
      const { result, peakMb, beforeMb } = await peakRss(async () => {
        const t = performance.now();
        const r = await get(who, page);
        return { ...r, ms: performance.now() - t };
      });
      const count = rows ?? (await db.query(`SELECT count(*)::int AS n FROM "Project" WHERE "yearId" = $1`, [ctx.yearId])).rows[0].n;
      record({
        scenario: `${name} ${page}`,
        p50_ms: result.ms,
        p90_ms: null,
        rps_c8: null,
        floor_p50_ms: null,
        floor_rps_c8: null,
        ratio: null,
        goal: "200, peak RSS of a process ≤ 512 MB",
        pass: result.status === 200 && peakMb <= 512,
        value: peakMb,
        unit: "MB peak RSS",
        note: `status ${result.status}, ${count} rows, ${(result.bytes / 1024 / 1024).toFixed(1)} MB file, RSS before ${beforeMb.toFixed(0)} MB`,
      });
    }
    {
      let status = 0;
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const t = performance.now();
        const r = await get(ctx.admin, `/documents/catalogue/${ctx.year}.pdf`);
        status = r.status;
        times.push(performance.now() - t);
      }
      record({
        scenario: `参考选题目录 PDF /documents/catalogue/${ctx.year}.pdf`,
        p50_ms: quantile(times.slice(1), 0.5),
        p90_ms: null,
        rps_c8: null,
        floor_p50_ms: null,
        floor_rps_c8: null,
        ratio: null,
        goal: "200, warm ≤ 3 s",
        pass: status === 200 && (quantile(times.slice(1), 0.5) ?? Infinity) <= 3000,
        value: times[0],
        unit: "ms first (starts Chromium)",
        note: `status ${status}`,
      });
    }
  }

  const admin = ctx.admin;
  if (runs("reads")) {
    // ----- reads
    console.log(`\n• 读（c1 ${RUNS} 次，c8 ${SECONDS} 秒）`);
    const listWhere = `"yearId" = $1 AND "state" = 'IN_PROGRESS' AND "category" = 'PARTY_BUILDING'`;
    const listFloor = [
      {
        sql: `SELECT p."id", p."title", p."state", p."category", p."updatedAt", u."name" FROM "Project" p JOIN "Unit" u ON u."id" = p."unitId" WHERE ${listWhere} ORDER BY p."updatedAt" DESC, p."id" DESC LIMIT 30`,
        params: [ctx.yearId],
      },
      { sql: `SELECT count(*) FROM "Project" WHERE ${listWhere}`, params: [ctx.yearId] },
    ];
    const projectId = (
      await db.query(`SELECT "id" FROM "Project" WHERE "id" LIKE 'bench-%' AND "state" = 'IN_PROGRESS' AND "yearId" = $1 LIMIT 1`, [ctx.yearId])
    ).rows[0].id;
    const under = (ms: number) => ({ text: `p50 ≤ ${ms} ms`, check: (r: { p50: number }) => r.p50 <= ms });
    // The framework's floor: what any request costs before a page's own reads and render (no goal; read next to the pages).
    const floorOnly = { text: "measured (framework floor)", check: () => true };
    await readScenario(ctx, "框架底线：无会话的路由", admin, "/api/health", null, floorOnly);
    await readScenario(ctx, "框架底线：登录后的简单页（无外壳）", admin, "/change-password", null, floorOnly);
    await readScenario(ctx, "框架底线：登录后的简单页（有外壳）", admin, "/account", null, floorOnly);
    await readScenario(ctx, "项目列表（年度+状态+类别）", admin, `/projects?year=${ctx.year}&state=IN_PROGRESS&category=PARTY_BUILDING`, listFloor, {
      text: "p50 ≤ 3× floor, ≤ 300 ms",
      check: (r) => r.ratio !== null && r.ratio <= 3 && r.p50 <= 300,
    });
    await readScenario(
      ctx,
      "项目列表（关键词，第 3 页）",
      admin,
      `/projects?year=${ctx.year}&q=%E5%85%9A%E5%BB%BA&page=3`,
      [
        {
          sql: `SELECT "id", "title" FROM "Project" WHERE "yearId" = $1 AND "title" LIKE '%党建%' ORDER BY "updatedAt" DESC, "id" DESC LIMIT 30 OFFSET 60`,
          params: [ctx.yearId],
        },
        { sql: `SELECT count(*) FROM "Project" WHERE "yearId" = $1 AND "title" LIKE '%党建%'`, params: [ctx.yearId] },
      ],
      under(300),
    );
    await readScenario(
      ctx,
      "县级首页（仪表盘）",
      admin,
      "/",
      [{ sql: `SELECT "state", count(*) FROM "Project" WHERE "yearId" = $1 GROUP BY "state"`, params: [ctx.yearId] }],
      under(100),
    );
    await readScenario(
      ctx,
      "项目页",
      admin,
      `/projects/${projectId}`,
      [
        {
          sql: `SELECT p.*, u."name" AS unit FROM "Project" p JOIN "Unit" u ON u."id" = p."unitId" WHERE p."id" = $1`,
          params: [projectId],
        },
        { sql: `SELECT * FROM "ProgressReport" WHERE "projectId" = $1 ORDER BY "year", "quarter"`, params: [projectId] },
        { sql: `SELECT * FROM "ProjectMilestone" WHERE "projectId" = $1 ORDER BY "sortOrder"`, params: [projectId] },
      ],
      under(30),
    );
    await readScenario(
      ctx,
      "全局搜索“积分”",
      admin,
      "/search?q=%E7%A7%AF%E5%88%86",
      [{ sql: `SELECT "id", "title" FROM "Project" WHERE "title" LIKE '%积分%' ORDER BY "updatedAt" DESC LIMIT 10`, params: [] }],
      under(60),
    );
    // The header's box as one types (issue 20 point 11): a few hits per kind, no counts.
    await readScenario(
      ctx,
      "页头搜索提示“积分”",
      admin,
      "/api/search?q=%E7%A7%AF%E5%88%86",
      [{ sql: `SELECT "id", "title" FROM "Project" WHERE "title" LIKE '%积分%' ORDER BY "updatedAt" DESC LIMIT 3`, params: [] }],
      under(300),
    );
    const reviewer = await signIn(heavy.username);
    const pageGoal = under(300);
    await readScenario(
      ctx,
      `评审任务（${heavy.username}，${heavy.tasks} 项）`,
      reviewer,
      "/reviews",
      [
        {
          sql: `SELECT a."id", i."hearingId", count(*) OVER () FROM "ReviewAssignment" a JOIN "HearingItem" i ON i."id" = a."itemId" JOIN "User" u ON u."id" = a."reviewerId" WHERE u."username" = $1 LIMIT 30`,
          params: [heavy.username],
        },
      ],
      pageGoal,
    );
    const hearingFloor = [
      {
        sql: `SELECT h."id", h."title", (SELECT count(*) FROM "HearingItem" i WHERE i."hearingId" = h."id") FROM "Hearing" h ORDER BY h."heldAt" DESC LIMIT 30`,
        params: [],
      },
    ];
    await readScenario(ctx, "听证会列表", admin, "/hearings", hearingFloor, pageGoal);
    await readScenario(
      ctx,
      "听证会页（议程与进度）",
      admin,
      `/hearings/bench-${ctx.year}`,
      [
        {
          sql: `SELECT i."id", p."title" FROM "HearingItem" i JOIN "Project" p ON p."id" = i."projectId" WHERE i."hearingId" = $1 ORDER BY i."sortOrder", i."id" LIMIT 30`,
          params: [`bench-${ctx.year}`],
        },
      ],
      pageGoal,
    );
    await readScenario(
      ctx,
      "季度报告",
      admin,
      "/reports",
      [
        {
          sql: `SELECT p."id", r."quarter", r."status" FROM "Project" p LEFT JOIN "ProgressReport" r ON r."projectId" = p."id" WHERE p."yearId" = $1 AND p."startedAt" IS NOT NULL ORDER BY p."id" LIMIT 120`,
          params: [ctx.yearId],
        },
      ],
      pageGoal,
    );
    for (const [name, page, sql] of [
      ["督查", "/inspections", `SELECT "id" FROM "Inspection" ORDER BY "id" DESC LIMIT 30`],
      ["通知", "/notifications", `SELECT "id" FROM "Notification" ORDER BY "createdAt" DESC LIMIT 30`],
      ["审计日志（审计管理员）", "/audit", `SELECT * FROM "AuditLog" ORDER BY "id" DESC LIMIT 50`],
      ["账户（安全管理员）", "/users", `SELECT "id", "username" FROM "User" ORDER BY "username" LIMIT 30`],
      ["单位", "/units", `SELECT "id", "name" FROM "Unit" ORDER BY "code" LIMIT 50`],
    ] as const) {
      await readScenario(ctx, name, page === "/audit" ? auditor : page === "/users" ? security : admin, page, [{ sql, params: [] }], pageGoal);
    }
  }

  // ----- writes
  console.log(`\n• 写（浏览器的 server action 请求，Playwright 捕获后以 fetch 重放；c1 ${RUNS} 次，c8 ${SECONDS} 秒）`);
  const rubric = (await db.query(`SELECT "criteria" FROM "Rubric" WHERE "yearId" = $1`, [ctx.yearId])).rows[0]?.criteria as
    | { key: string; max: number }[]
    | undefined;
  const { DEFAULT_RUBRIC } = await import("../lib/hearings/scoring");
  const criteria = rubric ?? DEFAULT_RUBRIC;
  // Eight reviewers of the crowd, each saving their own task.
  const lanes = Array.from({ length: 8 }, (_, i) => i + 1);
  const laneCookies = await Promise.all(lanes.map((g) => signIn(`benchr${String(g).padStart(3, "0")}`)));
  const laneAssignments = lanes.map((g) => `bench-rv-${g}`);
  const scoreCapture = await capture(laneCookies[0], `/reviews/${laneAssignments[0]}`, async (tab) => {
    await tab.getByRole("button", { name: "保存草稿" }).click();
  });
  console.log(`  评分请求：POST ${scoreCapture.url}，正文 ${scoreCapture.body.slice(0, 120)}…`);
  const scores = await scoreWrites(ctx, laneCookies, laneAssignments, scoreCapture, criteria);
  let seed = 0;
  let scoreRps: number | null = null;
  if (runs("writes")) {
    const scoreSpec = (name: string): WriteSpec => ({
      name,
      lane: async (lane) => Boolean(await scores.save(lane, true, scores.sheet(++seed))),
      floor: async (c, lane) => {
        await c.query(
          `UPDATE "Score" SET "values" = $2, "total" = $3, "comment" = '生成数据评语', "recommendation" = 'APPROVE', "submittedAt" = now(), "version" = "version" + 1, "updatedAt" = now() WHERE "assignmentId" = $1`,
          [laneAssignments[lane], JSON.stringify(scores.sheet(++seed)), 80],
        );
      },
      minRps: 200,
      maxRatio: 3,
    });
    scoreRps = await writeScenario(ctx, scoreSpec(`评分保存（提交） c1/c8，${WORKERS} 进程`));

    // The cost every action pays before its work: Next's action handling, the middleware's session load and
    // permission check (lib/actions/client.ts), then the input refused by the schema (no transaction).
    {
      const refused = async (lane: number) => {
        const r = await act(laneCookies[lane], scoreCapture, { assignmentId: laneAssignments[lane], values: "x", submit: "x" });
        return Boolean(r.error?.includes("validationErrors"));
      };
      const one = await serial(() => refused(0));
      const c8 = await load(8, SECONDS, refused);
      const floor = await serial(async () => {
        await db.query(`SELECT s.*, u.* FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Unit" n ON n."id" = u."unitId" LIMIT 1`);
        return true;
      });
      record({
        scenario: "server action 固定开销（会话、权限，输入被拒，无事务）",
        p50_ms: one.p50,
        p90_ms: one.p90,
        rps_c8: c8.rps,
        floor_p50_ms: floor.p50,
        floor_rps_c8: null,
        ratio: one.p50 && floor.p50 ? one.p50 / floor.p50 : null,
        goal: "measured (no goal)",
        pass: null,
        note: `${c8.ok} ok, ${c8.failed + one.failed} unexpected answers; floor: the session query; ${cpuNote(c8.cpu)}`,
      });
    }

    // Project drafts of eight units, each autosaved by its own unit's user.
    const drafts = (
      await db.query(
        `SELECT DISTINCT ON (p."unitId") p."id", p."version", lower(un."code") AS username
       FROM "Project" p JOIN "Unit" un ON un."id" = p."unitId" JOIN "User" u ON u."username" = lower(un."code") AND 'UNIT_USER' = ANY(u."roles") AND u."active"
       WHERE p."id" LIKE 'bench-%' AND p."state" = 'DRAFT' ORDER BY p."unitId", p."id" LIMIT 8`,
      )
    ).rows as { id: string; version: number; username: string }[];
    if (drafts.length === 8) {
      const draftCookies = await Promise.all(drafts.map((d) => signIn(d.username)));
      const draftCapture = await capture(draftCookies[0], `/projects/${drafts[0].id}/edit`, async (tab) => {
        const title = tab.locator("#title");
        await title.fill(`${await title.inputValue()}（修改）`);
        await title.blur();
      });
      console.log(`  申报书自动保存请求：POST ${draftCapture.url}，正文 ${draftCapture.body.length} 字节`);
      const template = JSON.parse(draftCapture.body)[0] as Record<string, unknown>;
      const versions = new Map(
        (await db.query(`SELECT "id", "version" FROM "Project" WHERE "id" = ANY($1)`, [drafts.map((d) => d.id)])).rows.map((r) => [r.id, r.version]),
      );
      let shown = false;
      await writeScenario(
        ctx,
        {
          name: `申报书自动保存 c8，${WORKERS} 进程`,
          lane: async (lane) => {
            const d = drafts[lane];
            const r = await act(draftCookies[lane], draftCapture, { ...template, id: d.id, version: versions.get(d.id), title: `${d.id} 自动保存 ${++seed}` }, [
              drafts[0].id,
              d.id,
            ]);
            if (r.data && typeof r.data.version === "number") {
              versions.set(d.id, r.data.version);
              return true;
            }
            if (!shown) {
              shown = true;
              console.log(`  ! 申报书保存失败：${r.status} ${r.error ?? ""}`);
            }
            return false;
          },
          floor: async (c, lane) => {
            const id = drafts[lane].id;
            await c.query("BEGIN");
            await c.query(`UPDATE "Project" SET "title" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1`, [
              id,
              `${id} 自动保存 ${++seed}`,
            ]);
            await c.query(`DELETE FROM "ProjectMilestone" WHERE "projectId" = $1`, [id]);
            await c.query("COMMIT");
          },
          minRps: 150,
          maxRatio: null,
        },
        false,
      );
    } else console.log("  ! 没有 8 个单位的申报书草稿，跳过自动保存");

    // The current quarter's report of eight projects in progress of eight units.
    const quarter = Math.floor((new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 3) / 3);
    const reports = (
      await db.query(
        `SELECT DISTINCT ON (p."unitId") p."id", lower(un."code") AS username
       FROM "Project" p JOIN "Unit" un ON un."id" = p."unitId" JOIN "User" u ON u."username" = lower(un."code") AND 'UNIT_USER' = ANY(u."roles") AND u."active"
       WHERE p."id" LIKE 'bench-%' AND p."state" = 'IN_PROGRESS' AND p."yearId" = $1 ORDER BY p."unitId", p."id" LIMIT 8`,
        [ctx.yearId],
      )
    ).rows as { id: string; username: string }[];
    if (reports.length === 8) {
      const reportCookies = await Promise.all(reports.map((r) => signIn(r.username)));
      const page = (id: string) => `/reports/${id}/${ctx.year}/${quarter}`;
      const reportCapture = await capture(reportCookies[0], page(reports[0].id), async (tab) => {
        await tab.getByRole("button", { name: "保存草稿" }).click();
      });
      console.log(`  季度报告保存请求：POST ${reportCapture.url}，正文 ${reportCapture.body.slice(0, 160)}…`);
      const template = JSON.parse(reportCapture.body)[0] as Record<string, unknown>;
      const versions = new Map(
        (
          await db.query(`SELECT "projectId", "version" FROM "ProgressReport" WHERE "projectId" = ANY($1) AND "year" = $2 AND "quarter" = $3`, [
            reports.map((r) => r.id),
            ctx.year,
            quarter,
          ])
        ).rows.map((r) => [r.projectId, r.version]),
      );
      let shown = false;
      await writeScenario(
        ctx,
        {
          name: `季度报告保存 c8，${WORKERS} 进程`,
          lane: async (lane) => {
            const p = reports[lane];
            const r = await act(
              reportCookies[lane],
              reportCapture,
              { ...template, projectId: p.id, version: versions.get(p.id), progress: `按计划推进（${++seed}）。`, percent: 50 },
              [reports[0].id, p.id],
            );
            if (r.data && typeof r.data.version === "number") {
              versions.set(p.id, r.data.version);
              return true;
            }
            if (!shown) {
              shown = true;
              console.log(`  ! 季度报告保存失败：${r.status} ${r.error ?? ""}`);
            }
            return false;
          },
          floor: async (c, lane) => {
            await c.query(
              `UPDATE "ProgressReport" SET "progress" = $4, "percent" = 50, "version" = "version" + 1, "updatedAt" = now() WHERE "projectId" = $1 AND "year" = $2 AND "quarter" = $3`,
              [reports[lane].id, ctx.year, quarter, `按计划推进（${++seed}）。`],
            );
          },
          minRps: 150,
          maxRatio: null,
        },
        false,
      );
    } else console.log("  ! 没有 8 个单位的在实施项目，跳过季度报告");
  }

  if (runs("crowd")) {
    // ----- the crowd: CROWD reviewers saving and submitting at once for CROWD_SECONDS, then reconciled.
    console.log(`\n• ${CROWD} 名评审专家同时保存和提交 ${CROWD_SECONDS} 秒`);
    const crowd = Array.from({ length: CROWD }, (_, i) => i + 1);
    const crowdCookies: string[] = [];
    for (let i = 0; i < crowd.length; i += 8)
      crowdCookies.push(...(await Promise.all(crowd.slice(i, i + 8).map((g) => signIn(`benchr${String(g).padStart(3, "0")}`)))));
    const crowdAssignments = crowd.map((g) => `bench-rv-${g}`);
    const crowdScores = await scoreWrites(ctx, crowdCookies, crowdAssignments, scoreCapture, criteria);
    const before = new Map(crowdAssignments.map((id) => [id, crowdScores.versions.get(id)]));
    const crowdStart = new Date();
    const acked = new Map<
      string,
      { saves: number; submits: number; last: { values: Record<string, number>; total: number | null; version: number; submitted: boolean } | null }
    >();
    for (const id of crowdAssignments) acked.set(id, { saves: 0, submits: 0, last: null });
    const crowdRun = await load(CROWD, CROWD_SECONDS, async (lane) => {
      const id = crowdAssignments[lane];
      const mine = acked.get(id)!;
      const submit = mine.saves % 2 === 1;
      const values = crowdScores.sheet(++seed);
      const r = await crowdScores.save(lane, submit, values);
      if (!r) return false;
      mine.saves++;
      if (submit) mine.submits++;
      mine.last = { values, total: r.total, version: r.version, submitted: submit || Boolean(mine.last?.submitted) };
      return true;
    });
    // Reconciliation: every acknowledged save is in the database with the acknowledged values, none twice.
    const stored = new Map(
      (
        await db.query(`SELECT "assignmentId", "values", "total", "version", "submittedAt" FROM "Score" WHERE "assignmentId" = ANY($1)`, [crowdAssignments])
      ).rows.map((r) => [r.assignmentId, r]),
    );
    const audits = new Map(
      (
        await db.query(
          `SELECT u."id" AS "reviewerId", count(*)::int AS n FROM "AuditLog" l JOIN "User" u ON u."id" = l."actorId" WHERE l."action" = 'hearing.score' AND l."at" >= $1 AND u."id" LIKE 'bench-r%' GROUP BY u."id"`,
          [crowdStart],
        )
      ).rows.map((r) => [r.reviewerId, r.n]),
    );
    let lost = 0;
    let duplicated = 0;
    let acknowledged = 0;
    crowd.forEach((g, lane) => {
      const id = crowdAssignments[lane];
      const mine = acked.get(id)!;
      acknowledged += mine.saves;
      if (!mine.last) return;
      const row = stored.get(id);
      const start = before.get(id);
      const expected = start === undefined ? mine.saves - 1 : start + mine.saves;
      const sorted = (v: Record<string, number>) => JSON.stringify(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
      const same = row && sorted(row.values) === sorted(mine.last.values) && row.version === mine.last.version;
      if (!row || !same || row.version < expected) lost++;
      else if (row.version > expected) duplicated++;
      const audited = audits.get(`bench-r${g}`) ?? 0;
      if (audited > mine.submits) duplicated++;
      if (audited < mine.submits) lost++;
    });
    record({
      scenario: `${CROWD} 名评审专家同时保存/提交 ${CROWD_SECONDS} 秒（${WORKERS} 进程）`,
      p50_ms: crowdRun.p50,
      p90_ms: crowdRun.p90,
      rps_c8: null,
      floor_p50_ms: null,
      floor_rps_c8: null,
      ratio: null,
      goal: "0 lost, 0 duplicated",
      pass: lost === 0 && duplicated === 0 && acknowledged > 0,
      value: acknowledged,
      unit: "acknowledged saves",
      note: `${(acknowledged / CROWD_SECONDS).toFixed(0)}/s at c${CROWD}; ${crowdRun.failed} not acknowledged; ${lost} lost, ${duplicated} duplicated`,
    });
  }

  if (runs("scaling")) {
    // ----- one process against two: the same read and write at c8
    console.log(`\n• 1 进程对 ${WORKERS} 进程`);
    const listUrl = `/projects?year=${ctx.year}&state=IN_PROGRESS&category=PARTY_BUILDING`;
    const readMany = (await load(8, SECONDS, async () => (await get(admin, listUrl)).ok)).rps;
    const writeMany = scoreRps ?? (await load(8, SECONDS, async (lane) => Boolean(await scores.save(lane, true, scores.sheet(++seed))))).rps;
    await db.end();
    await stopApp();
    startApp(1);
    await waitForApp();
    const db1 = new pg.Pool({ connectionString: url, max: 10 });
    db1.on("error", () => {});
    const admin1 = await signIn("admin");
    const readOne = (await load(8, SECONDS, async () => (await get(admin1, listUrl)).ok)).rps;
    const cookies1 = await Promise.all(lanes.map((g) => signIn(`benchr${String(g).padStart(3, "0")}`)));
    const scores1 = await scoreWrites({ ...ctx, db: db1 }, cookies1, laneAssignments, scoreCapture, criteria);
    const writeOne = (await load(8, SECONDS, async (lane) => Boolean(await scores1.save(lane, true, scores1.sheet(++seed))))).rps;
    await db1.end();
    const scaling = (name: string, one: number, many: number) =>
      record({
        scenario: name,
        p50_ms: null,
        p90_ms: null,
        rps_c8: many,
        floor_p50_ms: null,
        floor_rps_c8: one,
        ratio: one > 0 ? many / one : null,
        goal: `${WORKERS} processes ≥ 1.3× one process (floor column: 1 process)`,
        pass: one > 0 && many / one >= 1.3,
      });
    scaling(`读 c8（项目列表）：${WORKERS} 进程对 1 进程`, readOne, readMany);
    scaling(`写 c8（评分提交）：${WORKERS} 进程对 1 进程`, writeOne, writeMany);
  } else await db.end();

  if (runs("js")) {
    // ----- first-load JS
    console.log("\n• 首次加载 JS（gzip，构建清单）");
    const js = firstLoadJs();
    const worst = js[0];
    for (const p of js.slice(0, 5)) console.log(`  ${p.page}: ${p.kb.toFixed(1)} kB`);
    record({
      scenario: `首次加载 JS：最大的页面 ${worst?.page}（共 ${js.length} 页）`,
      p50_ms: null,
      p90_ms: null,
      rps_c8: null,
      floor_p50_ms: null,
      floor_rps_c8: null,
      ratio: null,
      goal: "every page ≤ 150 kB gzip",
      pass: js.every((p) => p.kb <= 150),
      value: worst?.kb ?? null,
      unit: "kB gzip",
      note: `${js.filter((p) => p.kb > 150).length} pages over 150 kB`,
    });
  }

  // ----- the table and the file
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(x));
  console.log(
    `\n数据：${counts.projects} 个项目，${counts.reports} 份季度报告，${counts.scores} 条评分；${WORKERS} 个应用进程；用时 ${((Date.now() - runStarted) / 60000).toFixed(1)} 分钟\n`,
  );
  console.log("| scenario | c1 p50 ms | c1 p90 ms | c8 req/s | floor p50 ms | floor c8/s | ratio | value | goal | pass |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results)
    console.log(
      `| ${r.scenario} | ${fmt(r.p50_ms)} | ${fmt(r.p90_ms)} | ${fmt(r.rps_c8)} | ${fmt(r.floor_p50_ms)} | ${fmt(r.floor_rps_c8)} | ${fmt(r.ratio)} | ${r.value === undefined || r.value === null ? "" : `${r.value} ${r.unit ?? ""}`} | ${r.goal} | ${r.pass === null ? "" : r.pass ? "pass" : "FAIL"} |`,
    );
  const out = OUT;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(
    out.replace(/\.json$/, ".meta.json"),
    `${JSON.stringify({ projects: counts.projects, reports: counts.reports, scores: counts.scores, workers: WORKERS, at: new Date().toISOString(), minutes: (Date.now() - runStarted) / 60000 }, null, 2)}\n`,
  );
  console.log(`\n${results.filter((r) => r.pass).length} pass, ${results.filter((r) => r.pass === false).length} fail；结果已写入 ${path.relative(root, out)}`);
}

// `npm run bench -- --js`: only the first-load JS of the current build, every page over the goal (no server, no data).
if (process.argv.includes("--js")) {
  const js = firstLoadJs();
  for (const p of js) console.log(`${p.kb > 150 ? "✗" : "✓"} ${p.kb.toFixed(1).padStart(6)} kB  ${p.page}`);
  console.log(`${js.filter((p) => p.kb > 150).length} of ${js.length} pages over 150 kB`);
  process.exit(0);
}

try {
  await main();
} catch (error) {
  console.error("benchmark failed:", error);
  process.exitCode = 1;
} finally {
  await stopApp();
}
