// `npm run bench`: not a test. Starts the production app on its own data folder (.data-bench) with the demo
// county, adds a large generated programme (BENCH_PROJECTS projects, default 50,000, with their quarterly
// reports and hearing scores), signs in as the admin and measures the server response time of the pages the
// issue names. The generated rows are added once; later runs reuse them.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import pg from "pg";
import { root } from "./runtime";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54369);
const DATA_DIR = path.join(root, ".data-bench");
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BASE = `http://localhost:${PORT}`;

const PAGES: { name: string; path: string }[] = [
  { name: "县级首页（仪表盘）", path: "/" },
  { name: "项目列表（年度+状态+类别筛选）", path: "/projects?year=2026&state=IN_PROGRESS&category=PARTY_BUILDING" },
  { name: "项目列表（关键词“党建”，第 3 页）", path: "/projects?year=2026&q=%E5%85%9A%E5%BB%BA&page=3" },
  { name: "全局搜索“积分”", path: "/search?q=%E7%A7%AF%E5%88%86" },
];

function startApp() {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, DATA_DIR, PORT: String(PORT), PG_PORT: String(PG_PORT), JOBS: "off", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout!.on("data", (chunk: Buffer) =>
    process.stdout.write(
      chunk
        .toString()
        .split("\n")
        .filter((l) => l.startsWith("•"))
        .map((l) => `${l}\n`)
        .join(""),
    ),
  );
  return child;
}

async function waitForApp() {
  for (let i = 0; i < 1800; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("app did not start within 30 minutes");
}

/** The generated programme, in SQL so that 50,000 projects take seconds, not the services' minutes. */
async function generate(client: pg.Client) {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Project" WHERE "id" LIKE 'bench-%'`);
  if (rows[0].n >= PROJECTS) return console.log(`• 已有 ${rows[0].n} 个生成项目，跳过生成`);
  console.log(`• 生成 ${PROJECTS} 个项目及其季度报告和听证评分…`);
  const started = Date.now();
  await client.query("BEGIN");
  await client.query(`DELETE FROM "Score" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "ReviewAssignment" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "HearingItem" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "Hearing" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "ProgressReport" WHERE "id" LIKE 'bench-%'`);
  await client.query(`DELETE FROM "Project" WHERE "id" LIKE 'bench-%'`);
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
  // One hearing per year; every submitted project on its agenda with three reviewers' scores.
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
    `INSERT INTO "Score" ("id", "assignmentId", "values", "total", "submittedAt", "updatedAt")
     SELECT a."id", a."id", '{}'::jsonb, 60 + (hashtext(a."id") & 1023) % 36, now(), now()
     FROM "ReviewAssignment" a WHERE a."id" LIKE 'bench-%'`,
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

/** Signs in through next-auth's credentials endpoint, as the browser's login form does. */
async function signIn(username: string, password: string): Promise<string> {
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
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), "x-forwarded-for": "127.0.0.1" },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${username} failed (${response.status})`);
  return cookie();
}

async function measure(cookie: string, page: { name: string; path: string }) {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}${page.path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    status = response.status;
    if (i >= 3) times.push(performance.now() - started); // the first three warm caches and the JIT
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { ...page, status, median: at(0.5), p90: at(0.9), max: times[times.length - 1] };
}

async function main() {
  const app = startApp();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (app.exitCode !== null) return resolve();
      app.once("exit", () => resolve());
      app.kill("SIGINT");
    });
  try {
    await waitForApp();
    const password = fs.readFileSync(path.join(DATA_DIR, "pg-password"), "utf8").trim();
    const client = new pg.Client({ connectionString: `postgresql://postgres:${password}@localhost:${PG_PORT}/innovation` });
    client.on("error", () => {}); // the server going away at the end is not news
    await client.connect();
    await generate(client).catch(async (error) => {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    });
    await client.end();
    const cookie = await signIn("admin", "Demo@2026");
    console.log(`\n| 页面 | 状态 | 中位数 | P90 | 最大 |\n|---|---|---|---|---|`);
    for (const page of PAGES) {
      const r = await measure(cookie, page);
      console.log(`| ${r.name} \`${r.path}\` | ${r.status} | ${r.median.toFixed(0)} ms | ${r.p90.toFixed(0)} ms | ${r.max.toFixed(0)} ms |`);
    }
  } catch (error) {
    console.error("benchmark failed:", error);
    process.exitCode = 1;
  } finally {
    await stop();
  }
}

await main();
