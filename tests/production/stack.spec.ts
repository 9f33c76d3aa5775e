// The production path end to end: the deployment's steps bring up two app processes behind nginx (TLS) on an
// external PostgreSQL with S3 storage, and people use it through nginx's round robin.
import { test as base, expect, type Page } from "@playwright/test";
import { createAccount, firstSignIn, signIn, strongPassword, unique } from "../e2e/support";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { execFileSync, spawn } from "node:child_process";
import pg from "pg";
import { EICAR } from "../support/clamd";
import { startS3Server } from "../support/s3-server";
import { startStack, type Stack } from "./stack";

const test = base;
test.describe.configure({ mode: "serial" });

let stack: Stack;

// biome-ignore lint/correctness/noEmptyPattern: Playwright passes the fixtures first; this hook needs none of them
test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(400_000);
  stack = await startStack({ nginxPort: Number(new URL(testInfo.project.use.baseURL!).port) });
});

test.afterAll(async () => {
  await stack?.stop();
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const password = (username: string) => stack.accounts.find((account) => account.username === username)!.password;

/**
 * The same request, with the browser's cookies, to each app process directly (not through nginx, whose turns
 * other requests of the page would shift): each must answer it, signed in. Returns the bodies, one per process.
 */
async function fromEachProcess(page: Page, path: string): Promise<Buffer[]> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return Promise.all(
    stack.appPorts.map(async (port) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie }, redirect: "manual" });
      expect(response.status, `${path} from the process on ${port}`).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    }),
  );
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

test("生产环境：没有演示账户和演示横幅，页面带 CSP、HSTS 和 Secure Cookie", async ({ page }) => {
  const response = (await page.goto("/login"))!;
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["x-request-id"]).toMatch(/^[\w-]{8,64}$/);
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);

  // The demo's published password opens nothing: there are no demo accounts.
  for (const username of ["admin", "z001", "unit"]) {
    await signIn(page, username, "Demo@2026");
    await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  }

  // The setup command's one-time password works once and must be changed at once; the cookie is Secure.
  await firstSignIn(page, "auditor", password("auditor"), strongPassword());
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(session?.secure).toBe(true);
  expect(session?.httpOnly).toBe(true);
});

test("两个应用进程轮流服务：在一个进程登录、在另一个保存，附件从哪个进程都能下载", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await firstSignIn(page, "admin", password("admin"), strongPassword());
  // Signed in through one process, the session holds on both.
  for (const html of await fromEachProcess(page, "/")) expect(html.toString()).toContain("系统管理员");

  // A township and the year, as the county admin sets them up on the first day.
  const township = unique("试点镇");
  await page.goto("/units");
  await page.getByRole("link", { name: "新建单位" }).click();
  await page.getByLabel("单位名称").fill(township);
  await page.getByLabel("单位类型").selectOption({ label: "乡镇" });
  await page.getByLabel("上级单位").selectOption({ label: "测试县（县）" });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await page.goto("/years");
  await page.getByRole("button", { name: "新建年度" }).click();
  await expect(page).toHaveURL(/\/years\/[\w-]+$/);
  for (const html of await fromEachProcess(page, "/units")) expect(html.toString()).toContain(township);

  // The security admin opens the township's account.
  const security = await (await browser.newContext({ baseURL: stack.url, ignoreHTTPSErrors: true })).newPage();
  await firstSignIn(security, "security", password("security"), strongPassword());
  const username = unique("sd");
  const temporary = await createAccount(security, { username, name: "试点填报员", unit: `${township}（乡镇）`, roles: ["单位填报员"] });

  // The township's clerk writes a proposal with an attachment.
  const clerk = await (await browser.newContext({ baseURL: stack.url, ignoreHTTPSErrors: true })).newPage();
  await firstSignIn(clerk, username, temporary, strongPassword());
  await clerk.goto("/projects");
  await clerk.getByRole("button", { name: "新建申报书" }).click();
  await expect(clerk.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  const editUrl = clerk.url();
  const title = `跨进程保存的项目 ${Date.now()}`;
  await clerk.getByLabel("项目名称").fill(title);
  await expect(clerk.getByTestId("save-state")).toContainText("已自动保存");
  // Saved through one process, read from both.
  for (const html of await fromEachProcess(clerk, pathOf(editUrl))) expect(html.toString()).toContain(title);
  await clerk.getByLabel("选择附件").setInputFiles({ name: "实施方案.pdf", mimeType: "application/pdf", buffer: PDF });
  await clerk.getByRole("button", { name: "上传附件" }).click();
  const link = clerk.getByRole("link", { name: "实施方案.pdf" });
  await expect(link).toBeVisible();

  // Uploaded through one process (into S3), downloaded whole from each; and through nginx as the user does.
  const href = (await link.getAttribute("href"))!;
  for (const bytes of await fromEachProcess(clerk, href)) expect(bytes.equals(PDF)).toBe(true);
  const download = await clerk.request.get(href);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  // The scanner production requires: the EICAR test string behind a PDF header is refused, and said why.
  await clerk.getByLabel("选择附件").setInputFiles({ name: "带毒.pdf", mimeType: "application/pdf", buffer: Buffer.concat([PDF, EICAR]) });
  await clerk.getByRole("button", { name: "上传附件" }).click();
  await expect(clerk.getByText("经病毒扫描发现恶意内容")).toBeVisible();
  await expect(clerk.getByRole("link", { name: "带毒.pdf" })).toHaveCount(0);
});

test("备份在持续写入时进行，恢复到一套空的新安装（新库、新对象存储）后一条不少，附件字节一致", async () => {
  test.setTimeout(180_000);
  const root = path.resolve(import.meta.dirname, "../..");
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn("npm", args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk));
      child.stderr.on("data", (chunk: Buffer) => (out += chunk));
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`npm ${args.join(" ")}: ${code}\n${out}`))));
    });

  // Writes keep coming while the backup runs: each acknowledged (committed) before the backup starts must come back.
  const writer = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await writer.connect();
  let written = 0;
  let acknowledgedBefore = -1;
  let writing = true;
  const writes = (async () => {
    while (writing) {
      await writer.query(`INSERT INTO "AuditLog" ("action", "summary", "outcome") VALUES ('backup.drill', $1, 'SUCCESS')`, [`写入 ${written + 1}`]);
      written++;
    }
  })();
  while (written < 5) await new Promise((resolve) => setTimeout(resolve, 20));
  acknowledgedBefore = written;
  const out = path.join(stack.dir, "backups");
  const printed = await run(["run", "backup", "--", "--out", out], stack.env);
  writing = false;
  await writes;
  expect(written).toBeGreaterThan(acknowledgedBefore);
  const archive = printed.match(/备份完成：(\S+)/)![1];
  expect(fs.existsSync(archive)).toBe(true);

  // An empty installation elsewhere: a new database and a new object store.
  const admin = new pg.Client({ connectionString: stack.database.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "restored"`);
  await admin.end();
  const target = await startS3Server({ bucket: "restored" });
  try {
    const env = { ...stack.env, DATABASE_URL: stack.database.url("restored"), ...target.env };
    await run(["run", "restore", "--", archive], env);
    const manifest = JSON.parse(execFileSync("tar", ["-xOzf", archive, "manifest.json"], { encoding: "utf8" })) as {
      tables: { name: string; rows: number }[];
      files: { key: string; sha256: string }[];
    };
    const restored = new pg.Client({ connectionString: stack.database.url("restored") });
    await restored.connect();
    try {
      for (const table of manifest.tables) {
        const { rows } = await restored.query(`SELECT count(*)::int AS n FROM "${table.name}"`);
        expect(rows[0].n, table.name).toBe(table.rows);
      }
      const drill = await restored.query(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "action" = 'backup.drill'`);
      expect(drill.rows[0].n).toBeGreaterThanOrEqual(acknowledgedBefore);
      const users = await restored.query(`SELECT count(*)::int AS n FROM "User"`);
      expect(users.rows[0].n).toBeGreaterThanOrEqual(4);
    } finally {
      await restored.end();
    }
    // The journey's attachment, byte for byte, in the new store.
    expect(manifest.files.length).toBeGreaterThanOrEqual(1);
    const { S3Client, GetObjectCommand } = await import("@aws-sdk/client-s3");
    const client = new S3Client({
      endpoint: target.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    });
    for (const file of manifest.files) {
      const object = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: file.key }));
      const bytes = Buffer.from(await object.Body!.transformToByteArray());
      expect(bytes.equals(PDF)).toBe(true);
    }
  } finally {
    await writer.end();
    await target.stop();
  }
});

test("/api/ready：数据库停止时为 503 并说明原因，恢复后为 200，应用不用重启", async ({ request }) => {
  test.setTimeout(120_000);
  const direct = stack.appPorts.map((port) => `http://127.0.0.1:${port}`);
  for (const base of direct) {
    expect((await request.get(`${base}/api/ready`)).status()).toBe(200);
    expect((await request.get(`${base}/api/health`)).status()).toBe(200);
  }
  await stack.stopDatabase();
  for (const base of direct) {
    await expect.poll(async () => (await request.get(`${base}/api/ready`)).status(), { timeout: 30_000 }).toBe(503);
    const body = await (await request.get(`${base}/api/ready`)).json();
    expect(body.checks.find((check: { name: string }) => check.name === "database").ok).toBe(false);
    // Alive all the same: nothing restarts the process.
    expect((await request.get(`${base}/api/health`)).status()).toBe(200);
  }
  await stack.startDatabase();
  for (const base of direct) {
    await expect.poll(async () => (await request.get(`${base}/api/ready`)).status(), { timeout: 30_000 }).toBe(200);
  }
  expect((await request.get("/login")).status()).toBe(200);
});

test("停掉一个应用进程：它等处理中的请求结束后退出，nginx 由另一个进程继续服务", async ({ request }) => {
  // A request in flight: its body arrives in two parts, and the stop comes between them.
  const body = "csrfToken=x&username=nobody&password=nothing";
  const answered = new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: stack.appPorts[0],
        path: "/api/auth/callback/credentials",
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, 10));
    setTimeout(() => req.end(body.slice(10)), 1_500);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stopped = stack.stopApp(0);
  const status = await answered;
  expect(status, "the request in flight got its answer").toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);
  expect(await stopped, "the process ended by itself, before the grace period ran out").toBe(true);
  // The stopped process takes no new connections; nginx sends everyone to the other one.
  await expect(fetch(`http://127.0.0.1:${stack.appPorts[0]}/api/health`)).rejects.toThrow();
  for (let i = 0; i < 4; i++) expect((await request.get("/login")).status()).toBe(200);
});
