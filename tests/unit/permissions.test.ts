import { describe, expect, it } from "vitest";
import { PERMISSIONS, can, seesWholeCounty } from "@/lib/auth/permissions";
import { navigationFor } from "@/lib/navigation";
import { ALL_ROLES } from "@/lib/auth/roles";

describe("permission table", () => {
  it("gives each role exactly the foundation's duties", () => {
    const granted = Object.fromEntries(
      ALL_ROLES.map((role) => [
        role,
        Object.keys(PERMISSIONS)
          .filter((p) => can([role], p as never))
          .sort(),
      ]),
    );
    expect(granted).toEqual({
      COUNTY_ADMIN: [
        "account.self",
        "awards.manage",
        "awards.objections",
        "awards.view",
        "cases.view",
        "consultations.manage",
        "events.manage",
        "events.view",
        "hearings.manage",
        "hearings.view",
        "home.view",
        "inspections.manage",
        "inspections.view",
        "inspections.write",
        "learning.manage",
        "learning.sessions",
        "learning.view",
        "ledger.confirm",
        "ledger.view",
        "meetings.manage",
        "meetings.view",
        "notifications.read",
        "plan.manage",
        "plan.view",
        "practice.configure",
        "practice.review",
        "practice.view",
        "projects.guide",
        "projects.manage",
        "projects.view",
        "promotion.mark",
        "reports.review",
        "reports.view",
        "research.manage",
        "research.mark",
        "research.review",
        "research.view",
        "sectors.configure",
        "suggestions.configure",
        "suggestions.submit",
        "suggestions.triage",
        "suggestions.view",
        "topics.manage",
        "topics.publish",
        "topics.view",
        "units.manage",
        "units.view",
        "years.manage",
        "years.view",
      ],
      COUNTY_STAFF: [
        "account.self",
        "awards.objections",
        "awards.view",
        "cases.view",
        "consultations.manage",
        "events.manage",
        "events.view",
        "hearings.view",
        "home.view",
        "inspections.view",
        "inspections.write",
        "learning.sessions",
        "learning.view",
        "learning.write",
        "ledger.confirm",
        "ledger.view",
        "ledger.write",
        "meetings.manage",
        "meetings.view",
        "notifications.read",
        "plan.view",
        "practice.review",
        "practice.view",
        "practice.write",
        "projects.carry",
        "projects.guide",
        "projects.view",
        "reports.review",
        "reports.submit",
        "reports.view",
        "research.review",
        "research.view",
        "research.write",
        "suggestions.submit",
        "suggestions.triage",
        "suggestions.view",
        "topics.bidPersonally",
        "topics.manage",
        "topics.view",
        "units.view",
        "years.view",
      ],
      UNIT_USER: [
        "account.self",
        "adoptions.record",
        "awards.nominate",
        "awards.view",
        "cases.view",
        "events.respond",
        "events.view",
        "home.view",
        "inspections.answer",
        "inspections.view",
        "meetings.view",
        "notifications.read",
        "plan.view",
        "projects.carry",
        "projects.propose",
        "projects.view",
        "reports.submit",
        "reports.view",
        "suggestions.submit",
        "topics.bidPersonally",
        "topics.claim",
        "topics.view",
        "years.view",
      ],
      REVIEWER: [
        "account.self",
        "awards.score",
        "cases.view",
        "hearings.score",
        "home.view",
        "notifications.read",
        "suggestions.submit",
        "topics.view",
        "years.view",
      ],
      LEADER: [
        "account.self",
        "awards.view",
        "cases.view",
        "events.view",
        "hearings.view",
        "home.view",
        "inspections.view",
        "learning.view",
        "ledger.view",
        "meetings.view",
        "notifications.read",
        "plan.view",
        "practice.view",
        "projects.view",
        "reports.view",
        "research.mark",
        "research.view",
        "suggestions.submit",
        "suggestions.view",
        "topics.view",
        "units.view",
        "years.view",
      ],
      SECURITY_ADMIN: ["account.self", "home.view", "notifications.read", "units.view", "users.manage"],
      AUDIT_ADMIN: ["account.self", "audit.view", "home.view", "notifications.read"],
    });
  });

  it("keeps user management, the audit log and business administration apart", () => {
    for (const role of ALL_ROLES) {
      const duties = [can([role], "users.manage"), can([role], "audit.view"), can([role], "units.manage")].filter(Boolean);
      expect(duties.length, role).toBeLessThanOrEqual(1);
    }
  });

  it("grants the union of several roles", () => {
    expect(can(["UNIT_USER"], "units.view")).toBe(false);
    expect(can(["UNIT_USER", "COUNTY_STAFF"], "units.view")).toBe(true);
    expect(can([], "home.view")).toBe(false);
  });

  it("limits unit users to their own unit", () => {
    expect(seesWholeCounty(["UNIT_USER"])).toBe(false);
    expect(seesWholeCounty(["REVIEWER"])).toBe(false);
    expect(seesWholeCounty(["LEADER"])).toBe(true);
  });

  it("derives the navigation from the table", () => {
    expect(navigationFor(["UNIT_USER"]).map((item) => item.label)).toEqual([
      "首页",
      "工作要点",
      "参考选题",
      "创新项目",
      "季度报告",
      "季度督查",
      "评比表彰",
      "案例库",
      "组织委员例会",
      "现场会与交流",
    ]);
    expect(navigationFor(["COUNTY_ADMIN"]).map((item) => item.label)).toEqual([
      "首页",
      "工作要点",
      "建言献策",
      "参考选题",
      "创新项目",
      "听证审定",
      "季度报告",
      "季度督查",
      "评比表彰",
      "案例库",
      "组织委员例会",
      "现场会与交流",
      "四个一",
      "调查研究",
      "盘点销号",
      "组工讲坛",
      "年度安排",
      "单位",
    ]);
    expect(navigationFor(["COUNTY_STAFF"]).map((item) => item.label)).toEqual([
      "首页",
      "工作要点",
      "建言献策",
      "参考选题",
      "创新项目",
      "听证审定",
      "季度报告",
      "季度督查",
      "评比表彰",
      "案例库",
      "组织委员例会",
      "现场会与交流",
      "四个一",
      "调查研究",
      "盘点销号",
      "组工讲坛",
      "单位",
    ]);
    expect(navigationFor(["SECURITY_ADMIN"]).map((item) => item.label)).toEqual(["首页", "单位", "账户与角色", "登录安全"]);
    expect(navigationFor(["AUDIT_ADMIN"]).map((item) => item.label)).toEqual(["首页", "审计日志"]);
  });
});
