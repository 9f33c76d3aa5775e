import { describe, expect, it } from "vitest";
import { describeAuditEntry, plainIp } from "@/lib/audit/describe";
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
    ).toContain("对象：项目 p1");
    expect(describeAuditEntry({ ...base, action: "auth.login", actorName: "张三", actorUsername: "z001", outcome: "SUCCESS", summary: "已有说明" })).toBe(
      "已有说明",
    );
  });
});
