// The production way to begin (npm run setup; the demo with DEMO_DATA=off too): the root unit and the three separated admin accounts.
import "server-only";
import { db } from "@/lib/db/client";
import { createUnitRecord } from "@/lib/units/service";
import { createUserRecord, temporaryPassword } from "@/lib/users/service";
import type { Role } from "@/lib/generated/prisma/enums";
import { ensureDefaultAspects } from "@/lib/suggestions/service";

const ADMINS: { username: string; name: string; roles: Role[] }[] = [
  { username: "admin", name: "系统管理员", roles: ["COUNTY_ADMIN"] },
  { username: "security", name: "安全管理员", roles: ["SECURITY_ADMIN"] },
  { username: "auditor", name: "审计管理员", roles: ["AUDIT_ADMIN"] },
];

/** Returns the initial passwords, to be printed once; each must be changed at first sign-in. */
export async function bootstrap(rootName: string): Promise<{ username: string; password: string }[]> {
  await ensureDefaultAspects();
  return db.$transaction(async (tx) => {
    const root = await createUnitRecord(tx, { name: rootName, type: "COUNTY", parentId: null, code: null, sortOrder: 0 }, null);
    const created: { username: string; password: string }[] = [];
    for (const admin of ADMINS) {
      const password = temporaryPassword();
      await createUserRecord(tx, { ...admin, phone: null, unitId: root.id }, { password, mustChangePassword: true, actor: null });
      created.push({ username: admin.username, password });
    }
    return created;
  });
}
