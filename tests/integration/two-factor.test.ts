import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { SIGN_IN_ERRORS, signInWithCode, signInWithPassword } from "@/lib/auth/sign-in";
import { loadSession } from "@/lib/auth/session-store";
import { confirmEnrolment, startEnrolment } from "@/lib/auth/second-factor";
import { totpCode, TOTP_PERIOD } from "@/lib/auth/second-factor-rules";
import { openSecret } from "@/lib/auth/secret-box";
import { THROTTLE_RULES } from "@/lib/auth/throttle-rules";
import { confirmTwoFactor, newRecoveryCodes, startTwoFactor } from "@/lib/account/actions";
import { resetUserSecondFactor, setRoleSecondFactor } from "@/lib/users/actions";
import { createUnit } from "@/lib/units/actions";
import { testSession } from "./support/session";
import { actAs, enrolSecondFactor, makeCounty, makeUser, PASSWORD, signOutTestUser } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let security: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  county = await makeCounty();
  security = await makeUser(["SECURITY_ADMIN"], county.department.id);
});

const password = (username: string, ip = "10.1.0.1") =>
  signInWithPassword({ username, password: PASSWORD, ip, userAgent: "Mozilla/5.0 (iPhone) Safari/604.1" });
async function tokenFor(username: string, ip = "10.1.0.1") {
  const result = await password(username, ip);
  if (result.kind !== "second-factor") throw new Error("no code step");
  return result.token;
}
const code = (token: string, value: string, ip = "10.1.0.1") => signInWithCode({ token, code: value, ip, userAgent: "test" });
/** A code of the next time step: the fixtures' enrolment already used the current one. */
const nextCode = (secret: string) => totpCode(secret, Date.now() + TOTP_PERIOD * 1000);

describe("enrolment", () => {
  it("keeps the secret sealed until a code confirms it, then hands out ten recovery codes once, stored hashed", async () => {
    const staff = await makeUser(["COUNTY_STAFF"], county.section.id);
    await actAs(staff);
    const started = await startTwoFactor({});
    const secret = started.data!.secret;
    const row = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.totpSecret).toBeNull();
    expect(row.totpPendingSecret).not.toContain(secret);
    expect(openSecret(row.totpPendingSecret!)).toBe(secret);

    expect((await confirmTwoFactor({ code: "123456" === totpCode(secret) ? "654321" : "123456" })).serverError).toBe(
      "动态口令不正确，请核对手机上的 6 位数字后重试",
    );
    expect((await confirmTwoFactor({ code: "12ab" })).validationErrors?.fieldErrors.code).toEqual(["请输入手机上显示的 6 位数字"]);
    const codes = (await confirmTwoFactor({ code: totpCode(secret) })).data!.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await db.recoveryCode.findMany({ where: { userId: staff.id } });
    expect(stored).toHaveLength(10);
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false);
    const enrolled = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(enrolled).toMatchObject({ totpPendingSecret: null });
    expect(enrolled.totpEnabledAt).not.toBeNull();
    expect(openSecret(enrolled.totpSecret!)).toBe(secret);
    expect(await db.auditLog.count({ where: { action: "auth.2fa_enrolled", entityId: staff.id } })).toBe(1);

    // New recovery codes replace the old ones.
    const again = (await newRecoveryCodes({})).data!.recoveryCodes;
    expect(again.some((c) => codes.includes(c))).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: staff.id } })).toBe(10);
    expect(await db.auditLog.count({ where: { action: "auth.2fa_recovery_codes", entityId: staff.id } })).toBe(1);
  });

  it("sends a role that requires it to enrolment first: nothing else works until then", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id, { secondFactor: false });
    const result = await password(admin.username);
    expect(result.kind).toBe("session");
    const sessionId = (result as { sessionId: string }).sessionId;
    testSession.sessionId = sessionId;
    expect((await loadSession(sessionId))?.needsSecondFactor).toBe(true);
    expect((await createUnit({ name: "新乡", type: "TOWNSHIP", parentId: county.county.id })).serverError).toBe("请先设置双因素认证");
    const started = await startTwoFactor({});
    await confirmTwoFactor({ code: totpCode(started.data!.secret) });
    expect((await loadSession(sessionId))?.needsSecondFactor).toBe(false);
  });

  it("lets the security admin require it of another role, audited; the three admin roles cannot be turned off", async () => {
    const reviewer = await makeUser(["REVIEWER"], county.townshipA.id);
    const before = await password(reviewer.username);
    expect((await loadSession((before as { sessionId: string }).sessionId))?.needsSecondFactor).toBe(false);

    await actAs(security);
    expect((await setRoleSecondFactor({ role: "REVIEWER", required: true })).data).toEqual({ role: "REVIEWER", required: true });
    expect((await loadSession((before as { sessionId: string }).sessionId))?.needsSecondFactor).toBe(true);
    expect(await db.auditLog.count({ where: { action: "security.role_2fa", actorId: security.id } })).toBe(1);
    expect((await setRoleSecondFactor({ role: "AUDIT_ADMIN", required: false })).serverError).toBe("审计管理员必须使用双因素认证，不能关闭");
    await setRoleSecondFactor({ role: "REVIEWER", required: false });

    const clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
    await actAs(clerk);
    expect((await setRoleSecondFactor({ role: "UNIT_USER", required: false })).serverError).toBe("无权执行此操作");
  });
});

describe("signing in with the second factor", () => {
  it("makes no session with the password alone, one with the code, and refuses the code's replay", async () => {
    const admin = await makeUser(["AUDIT_ADMIN"], county.department.id, { secondFactor: false });
    const { secret } = await enrolSecondFactor(admin);
    const sessionsBefore = await db.session.count({ where: { userId: admin.id } });
    const token = await tokenFor(admin.username);
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(sessionsBefore);

    const value = nextCode(secret);
    const { sessionId } = await code(token, value);
    expect((await loadSession(sessionId))?.id).toBe(admin.id);
    expect(await db.auditLog.findFirst({ where: { action: "auth.login", actorId: admin.id }, orderBy: { id: "desc" } })).toMatchObject({
      summary: "密码 + 动态口令",
    });
    // The token is single use, and so is the code, even with a fresh token.
    await expect(code(token, value)).rejects.toThrow(SIGN_IN_ERRORS.EXPIRED);
    await expect(code(await tokenFor(admin.username), value)).rejects.toThrow(SIGN_IN_ERRORS.INVALID_CODE);
  });

  it("takes a recovery code once", async () => {
    const admin = await makeUser(["SECURITY_ADMIN"], county.department.id, { secondFactor: false });
    const { codes } = await enrolSecondFactor(admin);
    const typed = codes[0].toUpperCase().replace("-", " ");
    await expect(code(await tokenFor(admin.username), typed)).resolves.toHaveProperty("sessionId");
    expect((await db.auditLog.findFirst({ where: { action: "auth.login", actorId: admin.id }, orderBy: { id: "desc" } }))?.summary).toBe(
      "密码 + 恢复码（剩余 9 个）",
    );
    await expect(code(await tokenFor(admin.username), codes[0])).rejects.toThrow(SIGN_IN_ERRORS.INVALID_CODE);
    await expect(code(await tokenFor(admin.username), codes[1])).resolves.toHaveProperty("sessionId");
  });

  it("lets one of two concurrent requests with the same token through", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id, { secondFactor: false });
    const { codes } = await enrolSecondFactor(admin);
    const token = await tokenFor(admin.username);
    const results = await Promise.allSettled([code(token, codes[0]), code(token, codes[1])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("lets one code through once when two sign-ins send it at the same moment", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id, { secondFactor: false });
    const { secret } = await enrolSecondFactor(admin);
    const [one, two] = [await tokenFor(admin.username), await tokenFor(admin.username)];
    const value = nextCode(secret);
    const results = await Promise.allSettled([code(one, value), code(two, value)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("expires the code step after five minutes", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id, { secondFactor: false });
    const { codes } = await enrolSecondFactor(admin);
    const token = await tokenFor(admin.username);
    await db.pendingSignIn.updateMany({ where: { userId: admin.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(code(token, codes[0])).rejects.toThrow(SIGN_IN_ERRORS.EXPIRED);
  });

  it("counts wrong codes towards the throttle of that address, not the owner's other addresses", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id, { secondFactor: false });
    const { secret, codes } = await enrolSecondFactor(admin);
    const wrong = totpCode(secret) === "000000" ? "111111" : "000000";
    const token = await tokenFor(admin.username, "10.2.0.1");
    for (let i = 1; i < THROTTLE_RULES.pair.points; i++) await expect(code(token, wrong, "10.2.0.1")).rejects.toThrow(SIGN_IN_ERRORS.INVALID_CODE);
    await expect(code(token, wrong, "10.2.0.1")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    expect(await db.pendingSignIn.count({ where: { id: { not: "" }, userId: admin.id } })).toBe(0);
    await expect(password(admin.username, "10.2.0.1")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    expect(await db.auditLog.count({ where: { action: "auth.login_failed", actorId: admin.id, summary: "动态口令或恢复码错误" } })).toBe(5);
    // The owner, elsewhere.
    await expect(code(await tokenFor(admin.username, "10.2.0.2"), codes[0], "10.2.0.2")).resolves.toHaveProperty("sessionId");
  });
});

describe("reset by the security admin", () => {
  it("removes the factor and its codes, ends the sessions, is audited; the user enrols again", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
    const sessionId = await actAs(admin);
    await actAs(security);
    expect((await resetUserSecondFactor({ id: admin.id })).data).toEqual({ id: admin.id });
    expect(await loadSession(sessionId)).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.reset_2fa", entityId: admin.id } });
    expect(audit).toMatchObject({ actorId: security.id });
    expect(audit.summary).toContain("结束会话 1 个");
    // Next sign-in: the password gives a session that can only enrol.
    const result = await password(admin.username);
    expect(result.kind).toBe("session");
    expect((await loadSession((result as { sessionId: string }).sessionId))?.needsSecondFactor).toBe(true);
  });

  it("refuses one's own reset and anyone without users.manage", async () => {
    await actAs(security);
    expect((await resetUserSecondFactor({ id: security.id })).serverError).toBe("不能重置自己的双因素认证，请由另一位安全管理员操作");
    const staff = await makeUser(["COUNTY_STAFF"], county.section.id);
    await actAs(staff);
    expect((await resetUserSecondFactor({ id: security.id })).serverError).toBe("无权执行此操作");
    signOutTestUser();
  });
});

describe("sealed secrets", () => {
  it("cannot be opened under another NEXTAUTH_SECRET", async () => {
    const user = await makeUser(["LEADER"], county.county.id);
    const { secret } = await startEnrolment(user.id);
    const sealed = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpPendingSecret!;
    const original = process.env.NEXTAUTH_SECRET;
    try {
      process.env.NEXTAUTH_SECRET = "another-secret-of-at-least-32-bytes-long";
      expect(openSecret(sealed)).toBeNull();
      await expect(confirmEnrolment(user.id, totpCode(secret), { actor: null, ip: null, sessionId: null })).rejects.toThrow("请先点击");
    } finally {
      process.env.NEXTAUTH_SECRET = original;
    }
    expect(openSecret(sealed)).toBe(secret);
  });
});
