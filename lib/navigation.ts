// What the navigation offers each role: derived from the permission table, never kept apart from it.
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "@/lib/auth/permissions";

export const NAV_ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "首页", permission: "home.view" },
  { href: "/plan", label: "工作要点", permission: "plan.view" },
  { href: "/suggestions", label: "建言献策", permission: "suggestions.view" },
  { href: "/topics", label: "参考选题", permission: "topics.view" },
  { href: "/projects", label: "创新项目", permission: "projects.view" },
  { href: "/hearings", label: "听证审定", permission: "hearings.view" },
  { href: "/reports", label: "季度报告", permission: "reports.view" },
  { href: "/inspections", label: "季度督查", permission: "inspections.view" },
  { href: "/awards", label: "评比表彰", permission: "awards.view" },
  { href: "/cases", label: "案例库", permission: "cases.view" },
  { href: "/township-meetings", label: "组织委员例会", permission: "meetings.view" },
  { href: "/events", label: "现场会与交流", permission: "events.view" },
  { href: "/practice", label: "四个一", permission: "practice.view" },
  { href: "/research", label: "调查研究", permission: "research.view" },
  { href: "/ledger", label: "盘点销号", permission: "ledger.view" },
  { href: "/learning", label: "组工讲坛", permission: "learning.view" },
  { href: "/reviews", label: "评审任务", permission: "hearings.score" },
  { href: "/years", label: "年度安排", permission: "years.manage" },
  { href: "/units", label: "单位", permission: "units.view" },
  { href: "/users", label: "账户与角色", permission: "users.manage" },
  { href: "/users/security", label: "登录安全", permission: "users.manage" },
  { href: "/audit", label: "审计日志", permission: "audit.view" },
];

export function navigationFor(roles: readonly Role[]) {
  return NAV_ITEMS.filter((item) => can(roles, item.permission));
}
