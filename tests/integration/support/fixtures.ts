// Test data made through the app's own services.
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createUnitRecord } from "@/lib/units/service";
import { createUserRecord } from "@/lib/users/service";
import { signInWithCode, signInWithPassword } from "@/lib/auth/sign-in";
import { confirmEnrolment, regenerateRecoveryCodes, requiresSecondFactor, startEnrolment } from "@/lib/auth/second-factor";
import { totpCode } from "@/lib/auth/second-factor-rules";
import type { Role, UnitType } from "@/lib/generated/prisma/enums";
import { testSession } from "./session";

export const PASSWORD = "Test@12345";

/**
 * A write the change counters do not see (decisions 0105, 0114): the triggers are off for this one transaction,
 * as a superuser may do. A kept value that still shows the old figure after it proves it was kept.
 */
export async function behindTheCounters(sql: Prisma.Sql) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRaw(sql);
  });
}

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

/**
 * An account; one whose role requires the second factor is enrolled through the real enrolment (unless
 * `secondFactor: false`), and its recovery codes are kept here for `actAs`.
 */
export async function makeUser(roles: Role[], unitId: string, options: { username?: string; mustChangePassword?: boolean; secondFactor?: boolean } = {}) {
  const username = options.username ?? `u${crypto.randomBytes(4).toString("hex")}`;
  const user = await db.$transaction((tx) =>
    createUserRecord(
      tx,
      { username, name: `测试${username}`, phone: null, unitId, roles },
      { password: PASSWORD, mustChangePassword: options.mustChangePassword ?? false, actor: null },
    ),
  );
  if (!(options.secondFactor ?? (await requiresSecondFactor(roles)))) return user;
  await enrolSecondFactor(user);
  return db.user.findUniqueOrThrow({ where: { id: user.id } });
}

/** Recovery codes of the accounts the fixtures enrolled: each actAs uses one (TOTP codes are one per 30 s). */
const recoveryCodes = new Map<string, string[]>();
export const totpSecrets = new Map<string, string>();

export async function enrolSecondFactor(user: { id: string; username: string; name: string }) {
  const { secret } = await startEnrolment(user.id);
  const codes = await confirmEnrolment(user.id, totpCode(secret), { actor: user, ip: "127.0.0.1", sessionId: null });
  recoveryCodes.set(user.id, codes);
  totpSecrets.set(user.id, secret);
  return { secret, codes };
}

/** Signs in through the real sign-in code (with a recovery code when the account has a second factor). */
export async function signInForTest(user: { username: string }, ip = "127.0.0.1") {
  const meta = { ip, userAgent: "vitest" };
  const result = await signInWithPassword({ username: user.username, password: PASSWORD, ...meta });
  if (result.kind === "session") return result;
  const account = await db.user.findUniqueOrThrow({ where: { username: user.username.toLowerCase() } });
  let codes = recoveryCodes.get(account.id) ?? [];
  if (codes.length === 0) codes = await regenerateRecoveryCodes(account.id, { actor: account, ip });
  const [code, ...rest] = codes;
  recoveryCodes.set(account.id, rest);
  return signInWithCode({ token: result.token, code, ...meta });
}

/** Signs in for real; later action calls run as this user. */
export async function actAs(user: { username: string }) {
  const { sessionId } = await signInForTest(user);
  testSession.sessionId = sessionId;
  return sessionId;
}

export function signOutTestUser() {
  testSession.sessionId = null;
}
