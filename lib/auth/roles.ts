// Roles of the product (docs/security.md), their Chinese names, and the 三权分立 rule. Pure: used by client and server.
import { Role } from "@/lib/generated/prisma/enums";

export { Role };
export const ALL_ROLES = Object.values(Role) as Role[];

export const ROLE_LABELS: Record<Role, string> = {
  COUNTY_ADMIN: "管理员",
  COUNTY_STAFF: "组工干部",
  UNIT_USER: "单位填报员",
  REVIEWER: "评审专家",
  LEADER: "县委领导",
  SECURITY_ADMIN: "安全管理员",
  AUDIT_ADMIN: "审计管理员",
};

/** The system, security and audit duties (等保 三权分立) that may never share one account. */
export const SEPARATED_DUTIES: Role[] = ["COUNTY_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN"];
const OVERSIGHT_ROLES: Role[] = ["SECURITY_ADMIN", "AUDIT_ADMIN"];

/** Returns a message in Chinese when the set of roles may not be held by one account, else null. */
export function roleSetProblem(roles: readonly Role[]): string | null {
  const unique = new Set(roles);
  if (unique.size === 0) return "请至少选择一个角色";
  const duties = SEPARATED_DUTIES.filter((role) => unique.has(role));
  if (duties.length > 1) {
    return `${duties.map((role) => ROLE_LABELS[role]).join("、")}的职责必须分设在不同账户（三权分立）`;
  }
  const oversight = OVERSIGHT_ROLES.find((role) => unique.has(role));
  if (oversight && unique.size > 1) {
    return `${ROLE_LABELS[oversight]}账户不能兼任其他角色（三权分立）`;
  }
  return null;
}
