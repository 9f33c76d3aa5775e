import { describe, expect, it } from "vitest";
import { roleSetProblem } from "@/lib/auth/roles";

describe("separation of duties (三权分立)", () => {
  it("allows business roles together", () => {
    expect(roleSetProblem(["COUNTY_STAFF", "UNIT_USER", "REVIEWER"])).toBeNull();
    expect(roleSetProblem(["COUNTY_ADMIN", "COUNTY_STAFF"])).toBeNull();
    expect(roleSetProblem(["SECURITY_ADMIN"])).toBeNull();
  });
  it("never puts the system, security and audit duties on one account", () => {
    expect(roleSetProblem(["COUNTY_ADMIN", "SECURITY_ADMIN"])).toMatch(/三权分立/);
    expect(roleSetProblem(["SECURITY_ADMIN", "AUDIT_ADMIN"])).toMatch(/三权分立/);
    expect(roleSetProblem(["COUNTY_ADMIN", "AUDIT_ADMIN"])).toMatch(/三权分立/);
  });
  it("keeps security and audit accounts free of business roles", () => {
    expect(roleSetProblem(["AUDIT_ADMIN", "LEADER"])).toBe("审计管理员账户不能兼任其他角色（三权分立）");
    expect(roleSetProblem(["SECURITY_ADMIN", "UNIT_USER"])).toBe("安全管理员账户不能兼任其他角色（三权分立）");
  });
  it("requires at least one role", () => {
    expect(roleSetProblem([])).toBe("请至少选择一个角色");
  });
});
