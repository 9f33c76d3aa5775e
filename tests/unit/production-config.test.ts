import { describe, expect, it } from "vitest";
import { demoDataWanted, productionProblems, runMode, servedOverTls } from "@/lib/config/mode";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

const good = { DATABASE_URL: "postgresql://app@db/innovation", NEXTAUTH_SECRET: "x".repeat(32), NEXTAUTH_URL: "https://cxxm.example.gov.cn" };

describe("run mode", () => {
  it("is the demo only without NODE_ENV=production and without an external database", () => {
    expect(runMode({})).toBe("demo");
    expect(runMode({ NODE_ENV: "production" })).toBe("production");
    expect(runMode({ DATABASE_URL: "postgresql://db/x" })).toBe("production");
    // The start script marks its own demo processes, which run a production build.
    expect(runMode({ APP_MODE: "demo", NODE_ENV: "production", DATABASE_URL: "postgresql://localhost/x" })).toBe("demo");
  });

  it("loads demo data only in the demo or when DEMO_DATA=on says so", () => {
    expect(demoDataWanted({})).toBe(true);
    expect(demoDataWanted({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/x" })).toBe(false);
    expect(demoDataWanted({ DATABASE_URL: "postgresql://db/x", DEMO_DATA: "on" })).toBe(true);
    expect(demoDataWanted({ DEMO_DATA: "off" })).toBe(false);
  });
});

describe("production configuration", () => {
  it("accepts a complete configuration", () => {
    expect(productionProblems(good)).toEqual([]);
  });

  it("names each missing or weak setting", () => {
    expect(productionProblems({})).toHaveLength(3);
    expect(productionProblems({ ...good, NEXTAUTH_SECRET: "x".repeat(31) })).toEqual([expect.stringContaining("NEXTAUTH_SECRET 太短（31 字节）")]);
    // Bytes, not characters: 11 Chinese characters are 33 bytes.
    expect(productionProblems({ ...good, NEXTAUTH_SECRET: "密".repeat(11) })).toEqual([]);
    expect(productionProblems({ ...good, NEXTAUTH_URL: "cxxm.example" })).toEqual([expect.stringContaining("NEXTAUTH_URL 不是有效的网址")]);
    expect(productionProblems({ ...good, DEMO_DATA: "yes" })).toEqual([expect.stringContaining("DEMO_DATA 只能是 on 或 off")]);
  });

  it("treats https as TLS in front", () => {
    expect(servedOverTls(good)).toBe(true);
    expect(servedOverTls({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
});

describe("content security policy", () => {
  it("lets only nonced scripts run and forbids framing", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy(nonce, { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(nonce, { tls: true })).toContain("upgrade-insecure-requests");
  });

  it("makes a fresh nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
