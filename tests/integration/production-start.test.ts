// The production way in: `npm start` refuses what would be unsafe, demo data never appears unasked, and
// `npm run setup` makes the first administrators with one-time passwords.
import path from "node:path";
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { emptyDatabase } from "./support/databases";

const root = path.resolve(import.meta.dirname, "../..");

function run(script: string, args: string[], env: Record<string, string>) {
  const clean: Record<string, string | undefined> = { ...process.env };
  for (const name of ["APP_MODE", "DEMO_DATA", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "DATABASE_URL", "NODE_ENV"]) delete clean[name];
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

const production = () => ({
  NODE_ENV: "production",
  DATABASE_URL: process.env.DATABASE_URL!,
  NEXTAUTH_SECRET: crypto.randomBytes(48).toString("base64"),
  NEXTAUTH_URL: "https://cxxm.example.gov.cn",
  PORT: "0",
});

describe("npm start in production", () => {
  it("refuses without its configuration and says what is missing", () => {
    const { code, out } = run("scripts/start.ts", [], { NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(out).toContain("未设置 DATABASE_URL");
    expect(out).toContain("未设置 NEXTAUTH_SECRET");
    expect(out).toContain("未设置 NEXTAUTH_URL");
    const short = run("scripts/start.ts", [], { ...production(), NEXTAUTH_SECRET: "too-short" });
    expect(short.code).toBe(1);
    expect(short.out).toContain("NEXTAUTH_SECRET 太短");
    const noBucket = run("scripts/start.ts", [], { ...production(), STORAGE: "s3" });
    expect(noBucket.code).toBe(1);
    expect(noBucket.out).toContain("缺少环境变量 S3_BUCKET");
  });

  it("refuses a database whose schema is older than the code", async () => {
    const { code, out } = run("scripts/start.ts", [], { ...production(), DATABASE_URL: await emptyDatabase("empty") });
    expect(code).toBe(1);
    expect(out).toContain("数据库结构落后于程序");
  });
});

describe("demo data and the first administrators", () => {
  it("never loads demo data in production unless DEMO_DATA=on", async () => {
    const { code, out } = run("scripts/seed.ts", [], production());
    expect(code).toBe(1);
    expect(out).toContain("生产环境不载入演示数据");
    expect(await db.unit.count()).toBe(0);
  });

  it("npm run setup makes the root unit and three admins with one-time passwords, once", async () => {
    const { code, out } = run("scripts/setup.ts", ["--root-unit", "某某县"], production());
    expect(code, out).toBe(0);
    const printed = [...out.matchAll(/^\s{4}(admin|security|auditor)\s+(\S+)$/gm)].map((m) => m[1]);
    expect(printed).toEqual(["admin", "security", "auditor"]);
    const users = await db.user.findMany({
      orderBy: { username: "asc" },
      select: { username: true, mustChangePassword: true, roles: true, unit: { select: { name: true } } },
    });
    expect(users.map((user) => [user.username, user.mustChangePassword, user.unit.name])).toEqual([
      ["admin", true, "某某县"],
      ["auditor", true, "某某县"],
      ["security", true, "某某县"],
    ]);
    // Each printed password opens its account; the demo's published password opens none.
    const passwords = Object.fromEntries([...out.matchAll(/^\s{4}(admin|security|auditor)\s+(\S+)$/gm)].map((m) => [m[1], m[2]]));
    for (const user of await db.user.findMany({ select: { username: true, passwordHash: true } })) {
      expect(await verifyPassword(user.passwordHash, passwords[user.username])).toBe(true);
      expect(await verifyPassword(user.passwordHash, "Demo@2026")).toBe(false);
    }

    const again = run("scripts/setup.ts", ["--root-unit", "某某县"], production());
    expect(again.code).toBe(1);
    expect(again.out).toContain("数据库已经初始化过");
    expect(await db.user.count()).toBe(3);
    const missing = run("scripts/setup.ts", [], production());
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("--root-unit");
  });
});
