import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signInWithPassword, SIGN_IN_ERRORS } from "@/lib/auth/sign-in";
import { loadSession, IDLE_MINUTES, endSession } from "@/lib/auth/session-store";
import { THROTTLE_RULES } from "@/lib/auth/throttle-rules";
import { recordSignInFailure } from "@/lib/auth/throttle";
import { liftLoginLimit } from "@/lib/users/actions";
import { listUsers, loginSecurityOverview } from "@/lib/users/queries";
import { actAs, makeCounty, makeUser, PASSWORD } from "./support/fixtures";

const MAX_FAILURES = THROTTLE_RULES.pair.points;
const LOCK_MINUTES = THROTTLE_RULES.pair.block / 60;

async function attempt(username: string, password: string, ip = "10.0.0.9") {
  const result = await signInWithPassword({ username, password, ip, userAgent: "test" });
  if (result.kind !== "session") throw new Error("the second factor was asked for");
  return result;
}

let county: Awaited<ReturnType<typeof makeCounty>>;
beforeAll(async () => {
  county = await makeCounty();
});

describe("sign-in and lockout", () => {
  it("signs in with the right password and writes the audit line", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await attempt(user.username.toUpperCase(), PASSWORD);
    expect((await loadSession(sessionId))?.id).toBe(user.id);
    const audit = await db.auditLog.findFirst({ where: { action: "auth.login", actorId: user.id } });
    expect(audit?.ip).toBe("10.0.0.9");
  });

  it("gives the same answer for an unknown name and a wrong password", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    await expect(attempt("nobody-here", PASSWORD)).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    await expect(attempt(user.username, "Wrong@1234")).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
  });

  it("locks after five failures for fifteen minutes, even with the right password, and survives in the database", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    for (let i = 1; i < MAX_FAILURES; i++) await expect(attempt(user.username, "Wrong@1234")).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    await expect(attempt(user.username, "Wrong@1234")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    await expect(attempt(user.username, PASSWORD)).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    const key = `pair:${user.username}|10.0.0.9`;
    const row = await db.loginLimit.findUniqueOrThrow({ where: { key } });
    const minutes = (Number(row.expire) - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(LOCK_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(LOCK_MINUTES);
    expect(await db.auditLog.count({ where: { action: "auth.locked", actorId: user.id } })).toBe(1);

    // The lock ends on its own: the next right password signs in and clears the pair's count.
    await db.loginLimit.update({ where: { key }, data: { expire: BigInt(Date.now() - 1000) } });
    await expect(attempt(user.username, PASSWORD)).resolves.toHaveProperty("sessionId");
    expect(await db.loginLimit.findUnique({ where: { key } })).toBeNull();
  });

  it("counts concurrent failures atomically", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const results = await Promise.allSettled(Array.from({ length: MAX_FAILURES }, () => attempt(user.username, "Wrong@1234", "10.0.1.1")));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    await expect(attempt(user.username, PASSWORD, "10.0.1.1")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
  });

  it("locks unknown names the same way, revealing nothing", async () => {
    for (let i = 1; i < MAX_FAILURES; i++) await expect(attempt("ghost", "Wrong@1234", "10.0.1.2")).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    await expect(attempt("ghost", "Wrong@1234", "10.0.1.2")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
  });

  it("refuses a disabled account with the generic message", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await expect(attempt(user.username, PASSWORD)).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
  });
});

describe("sessions", () => {
  it("reads roles and unit fresh on every request", async () => {
    const user = await makeUser(["COUNTY_STAFF"], county.section.id);
    const { sessionId } = await attempt(user.username, PASSWORD);
    const first = await loadSession(sessionId);
    expect(first).toMatchObject({ roles: ["COUNTY_STAFF"], mustChangePassword: false, needsSecondFactor: false, sessionId });
    // A section is named with its parent (县委组织部办公室); the roles chosen for the second factor apply at once.
    expect(first?.unit.fullName).toBe(`${county.department.name}${county.section.name}`);
    await db.roleSecondFactor.upsert({ where: { role: "COUNTY_STAFF" }, create: { role: "COUNTY_STAFF", required: true }, update: { required: true } });
    expect((await loadSession(sessionId))?.needsSecondFactor).toBe(true);
    await db.roleSecondFactor.update({ where: { role: "COUNTY_STAFF" }, data: { required: false } });
    await db.user.update({ where: { id: user.id }, data: { roles: ["REVIEWER"], unitId: county.townshipB.id } });
    const session = await loadSession(sessionId);
    expect(session?.roles).toEqual(["REVIEWER"]);
    expect(session?.unit.name).toBe("乙乡");
  });

  it("ends when the user is disabled", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await attempt(user.username, PASSWORD);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSession(sessionId)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("expires after 30 idle minutes and is audited", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await attempt(user.username, PASSWORD);
    const later = (minutes: number) => new Date(Date.now() + minutes * 60 * 1000);
    expect(await loadSession(sessionId, later(IDLE_MINUTES - 1))).not.toBeNull(); // activity moves lastSeenAt
    expect(await loadSession(sessionId, later(2 * IDLE_MINUTES - 2))).not.toBeNull();
    expect(await loadSession(sessionId, later(3 * IDLE_MINUTES))).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.session_expired", actorId: user.id } })).toBe(1);
  });

  it("ends on sign-out", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await attempt(user.username, PASSWORD);
    await endSession(sessionId, "10.0.0.9");
    expect(await loadSession(sessionId)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.logout", actorId: user.id } })).toBe(1);
  });
});

describe("throttling per address, per account and address, per account", () => {
  it("locks an address that sprays many accounts, for every account from it, but no one else", async () => {
    const owner = await makeUser(["UNIT_USER"], county.townshipA.id);
    const spray = "10.9.0.1";
    for (let i = 1; i < THROTTLE_RULES.ip.points; i++) await expect(attempt(`sprayed${i}`, "Wrong@1234", spray)).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    await expect(attempt("sprayed-last", "Wrong@1234", spray)).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    // Even the right password of a real account is not checked from that address now.
    await expect(attempt(owner.username, PASSWORD, spray)).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    await expect(attempt(owner.username, PASSWORD, "10.9.0.2")).resolves.toHaveProperty("sessionId");
  });

  it("locks the guessing address out of the account while the owner signs in from another, and tells when to try again", async () => {
    const owner = await makeUser(["UNIT_USER"], county.townshipA.id);
    for (let i = 1; i < MAX_FAILURES; i++) await expect(attempt(owner.username, "Wrong@1234", "10.9.1.1")).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    const error = await attempt(owner.username, "Wrong@1234", "10.9.1.1").catch((e: Error) => e);
    const [code, until] = String((error as Error).message).split(":");
    expect(code).toBe(SIGN_IN_ERRORS.LOCKED);
    const minutes = (Number(until) - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(LOCK_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(LOCK_MINUTES);
    await expect(attempt(owner.username, PASSWORD, "10.9.1.1")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    await expect(attempt(owner.username, PASSWORD, "10.9.1.2")).resolves.toHaveProperty("sessionId");
    expect(await db.auditLog.count({ where: { action: "auth.login_failed", actorId: owner.id, outcome: "DENIED", ip: "10.9.1.1" } })).toBeGreaterThanOrEqual(1);
  });

  it("answers a distributed attack on one account with an hour's delay once the ceiling is reached", async () => {
    const owner = await makeUser(["UNIT_USER"], county.townshipA.id);
    const rule = THROTTLE_RULES.account;
    // Many addresses, each below its own pair limit.
    for (let i = 0; i < rule.points - 1; i++) {
      await recordSignInFailure(owner.username, `10.8.${Math.floor(i / 4)}.${i % 4}`);
    }
    await expect(attempt(owner.username, "Wrong@1234", "10.7.0.1")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    const row = await db.loginLimit.findUniqueOrThrow({ where: { key: `account:${owner.username}` } });
    expect((Number(row.expire) - Date.now()) / 60000).toBeGreaterThan(rule.block / 60 - 1);
    await expect(attempt(owner.username, PASSWORD, "10.7.0.2")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
  });

  it("shows the security admin who is attacked from where, and lets them lift a lock, audited", async () => {
    const security = await makeUser(["SECURITY_ADMIN"], county.department.id);
    const owner = await makeUser(["UNIT_USER"], county.townshipA.id);
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(owner.username, "10.6.0.1");
    await recordSignInFailure("nosuchname", "10.6.0.1");
    await actAs(security);
    const overview = await loginSecurityOverview();
    const pair = overview.counters.find((row) => row.key === `pair:${owner.username}|10.6.0.1`)!;
    expect(pair).toMatchObject({ username: owner.username, ip: "10.6.0.1", locked: true, failures: MAX_FAILURES, knownAccount: true });
    expect(overview.counters.find((row) => row.key === "pair:nosuchname|10.6.0.1")).toMatchObject({ knownAccount: false, locked: false, failures: 1 });
    expect(overview.counters.find((row) => row.key === "ip:10.6.0.1")).toMatchObject({ failures: MAX_FAILURES + 1, locked: false });
    expect((await listUsers({ status: "locked" })).users.map((u) => u.username)).toContain(owner.username);

    expect((await liftLoginLimit({ key: pair.key })).data).toEqual({ key: pair.key });
    await expect(attempt(owner.username, PASSWORD, "10.6.0.1")).resolves.toHaveProperty("sessionId");
    expect((await liftLoginLimit({ key: pair.key })).serverError).toBe("该限制已解除或已到期");
    expect((await liftLoginLimit({ key: "bogus" })).serverError).toBe("限制记录不存在");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "security.lift_lock", actorId: security.id } });
    expect(audit.summary).toBe(`账户与地址：账户 ${owner.username}，地址 10.6.0.1`);

    const clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
    await actAs(clerk);
    expect((await liftLoginLimit({ key: "ip:10.6.0.1" })).serverError).toBe("无权执行此操作");
  });
});
