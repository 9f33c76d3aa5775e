// Test data made through the app's own services.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { createUnitRecord } from "@/lib/units/service";
import { createUserRecord } from "@/lib/users/service";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { Role, UnitType } from "@/lib/generated/prisma/enums";
import { testSession } from "./session";

export const PASSWORD = "Test@12345";

export async function makeUnit(name: string, type: UnitType, parentId: string | null) {
  return db.$transaction((tx) => createUnitRecord(tx, { name, type, parentId, code: null, sortOrder: 0 }, null));
}

/** A county with two townships, a department and a section of it. */
export async function makeCounty() {
  const county = await makeUnit("测试县", "COUNTY", null);
  const townshipA = await makeUnit("甲镇", "TOWNSHIP", county.id);
  const townshipB = await makeUnit("乙乡", "TOWNSHIP", county.id);
  const department = await makeUnit("县委组织部", "DEPARTMENT", county.id);
  const section = await makeUnit("组织科", "SECTION", department.id);
  return { county, townshipA, townshipB, department, section };
}

export async function makeUser(roles: Role[], unitId: string, options: { username?: string; mustChangePassword?: boolean } = {}) {
  const username = options.username ?? `u${crypto.randomBytes(4).toString("hex")}`;
  return db.$transaction((tx) =>
    createUserRecord(
      tx,
      { username, name: `测试${username}`, phone: null, unitId, roles },
      { password: PASSWORD, mustChangePassword: options.mustChangePassword ?? false, actor: null },
    ),
  );
}

/** Signs in through the real sign-in code; later action calls run as this user. */
export async function actAs(user: { username: string }) {
  const { sessionId } = await signInWithPassword({ username: user.username, password: PASSWORD, ip: "127.0.0.1", userAgent: "vitest" });
  testSession.sessionId = sessionId;
  return sessionId;
}

export function signOutTestUser() {
  testSession.sessionId = null;
}
