import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeAuditEntry, ENTITY_LABELS, entityLabel, plainIp } from "@/lib/audit/describe";
import { clientIp } from "@/lib/auth/request-meta";

describe("audit rows as people read them", () => {
  it("shows an IPv4 address that came through a dual-stack socket as plain IPv4", () => {
    expect(plainIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(plainIp("::FFFF:10.2.3.4")).toBe("10.2.3.4");
    expect(plainIp("2001:db8::1")).toBe("2001:db8::1");
    expect(plainIp("::1")).toBe("::1");
    expect(plainIp(null)).toBeNull();
    expect(clientIp((name) => (name === "x-forwarded-for" ? "::ffff:192.168.1.9, 10.0.0.1" : null))).toBe("192.168.1.9");
  });

  it("explains a sign-in written without a 说明: who, what, outcome", () => {
    const base = { entityType: null, entityId: null, summary: null };
    expect(describeAuditEntry({ ...base, action: "auth.login", actorName: "张三", actorUsername: "z001", outcome: "SUCCESS" })).toBe(
      "张三（z001）：登录成功，结果：成功",
    );
    expect(describeAuditEntry({ ...base, action: "auth.login_failed", actorName: null, actorUsername: "nobody", outcome: "FAILURE" })).toBe(
      "用户名“nobody”：登录失败，结果：未成功",
    );
    expect(
      describeAuditEntry({
        action: "project.submit",
        actorName: "李四",
        actorUsername: "z002",
        entityType: "Project",
        entityId: "p1",
        summary: "  ",
        outcome: "SUCCESS",
      }),
    ).toContain("对象：项目（编号 p1）");
    expect(
      describeAuditEntry({
        ...base,
        action: "auth.login",
        actorId: "u1",
        actorName: "张三",
        actorUsername: "z001",
        entityType: "User",
        entityId: "u1",
        outcome: "SUCCESS",
      }),
    ).toBe("张三（z001）：登录成功，对象：本人账户，结果：成功");
    expect(describeAuditEntry({ ...base, action: "auth.login", actorName: "张三", actorUsername: "z001", outcome: "SUCCESS", summary: "已有说明" })).toBe(
      "已有说明",
    );
  });
});

/** Every `entityType` the code writes to the audit log: the string literals of each `entityType: …` expression
 * (including `a ? "Project" : "Topic"`) in lib/ and app/, as tests/integration/authorization.test.ts finds actions. */
function writtenEntityTypes(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        for (const match of source.matchAll(/entityType:\s*([^,\n}]+)/g))
          for (const literal of match[1].matchAll(/"([A-Z][A-Za-z]+)"/g)) found.set(literal[1], path.relative(process.cwd(), full));
      }
    }
  };
  for (const root of ["lib", "app"]) walk(path.join(process.cwd(), root));
  return found;
}

describe("every audited record type reads in Chinese", () => {
  const written = writtenEntityTypes();

  it("finds the types the code writes", () => {
    // A sanity floor, so that a broken search cannot pass by finding nothing.
    expect(written.size).toBeGreaterThanOrEqual(30);
    for (const known of ["User", "Project", "LedgerProblem", "TopicClaim"]) expect(written.has(known)).toBe(true);
  });

  it("has a Chinese label for each of them", () => {
    const missing = [...written].filter(([type]) => !(type in ENTITY_LABELS)).map(([type, file]) => `${type}（${file}）`);
    expect(missing).toEqual([]);
    for (const label of Object.values(ENTITY_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff“”]+$/);
  });

  it("never shows the code's type name in a 说明", () => {
    for (const type of written.keys()) {
      const text = describeAuditEntry({
        action: "project.submit",
        actorName: "李四",
        actorUsername: "z002",
        entityType: type,
        entityId: "x1",
        summary: null,
        outcome: "SUCCESS",
      });
      expect(text).not.toContain(type);
      expect(text).toContain(`对象：${ENTITY_LABELS[type]}（编号 x1）`);
    }
    expect(entityLabel("SomethingNew")).toBe("记录");
  });
});
