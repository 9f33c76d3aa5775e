import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { passwordProblem } from "@/lib/auth/password-policy";
import { signInWithPassword, SIGN_IN_ERRORS } from "@/lib/auth/sign-in";
import { loadSession } from "@/lib/auth/session-store";
import { recordSignInFailure } from "@/lib/auth/throttle";
import { THROTTLE_RULES } from "@/lib/auth/throttle-rules";
import { changePassword, confirmTwoFactor, startTwoFactor } from "@/lib/account/actions";
import { totpCode } from "@/lib/auth/second-factor-rules";
import { createUnit } from "@/lib/units/actions";
import { createUser, resetPassword, setUserActive, unlockUser, updateUser } from "@/lib/users/actions";
import { testSession } from "./support/session";
import { actAs, makeCounty, makeUser, PASSWORD } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let security: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  county = await makeCounty();
  security = await makeUser(["SECURITY_ADMIN"], county.department.id);
});

beforeEach(async () => {
  await actAs(security);
});

const MAX_FAILURES = THROTTLE_RULES.pair.points;
async function signIn(username: string, password: string, ip = "10.0.0.1") {
  const result = await signInWithPassword({ username, password, ip, userAgent: "test" });
  if (result.kind !== "session") throw new Error("the second factor was asked for");
  return result;
}
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
let unitCounter = 0;
const newTownship = () => createUnit({ name: `用户测试镇${++unitCounter}`, type: "TOWNSHIP", parentId: county.county.id });

describe("creating an account and the first password change", () => {
  it("hands out a policy-conforming temporary password that must be changed before anything else", async () => {
    const created = await createUser({ username: "  ZhangSan ", name: "张三", unitId: county.department.id, roles: ["COUNTY_ADMIN"] });
    expect(created.serverError).toBeUndefined();
    const { id, username, temporaryPassword } = created.data!;
    expect(username).toBe("zhangsan");
    expect(temporaryPassword).toHaveLength(12);
    expect(passwordProblem(temporaryPassword, username)).toBeNull();
    expect(await userRow(id)).toMatchObject({ mustChangePassword: true, roles: ["COUNTY_ADMIN"], active: true });
    expect(await db.auditLog.count({ where: { action: "user.create", entityId: id, actorId: security.id } })).toBe(1);

    const elsewhere = (await signIn("zhangsan", temporaryPassword)).sessionId;
    const { sessionId } = await signIn("zhangsan", temporaryPassword);
    testSession.sessionId = sessionId;
    expect((await newTownship()).serverError).toBe("请先修改初始密码");

    const change = (input: { currentPassword: string; newPassword: string; confirmPassword: string }) => changePassword(input);
    const wrongCurrent = await change({ currentPassword: "Wrong@1234", newPassword: "Better#2026", confirmPassword: "Better#2026" });
    expect(wrongCurrent.validationErrors?.fieldErrors).toEqual({ currentPassword: ["当前密码不正确"] });
    const weak = await change({ currentPassword: temporaryPassword, newPassword: "abcdefgh", confirmPassword: "abcdefgh" });
    expect(weak.validationErrors?.fieldErrors).toEqual({ newPassword: ["密码须包含大写字母、小写字母、数字、符号中的至少三类"] });
    const withName = await change({ currentPassword: temporaryPassword, newPassword: "Zhangsan#2026", confirmPassword: "Zhangsan#2026" });
    expect(withName.validationErrors?.fieldErrors).toEqual({ newPassword: ["密码不能包含用户名"] });
    const mismatch = await change({ currentPassword: temporaryPassword, newPassword: "Better#2026", confirmPassword: "Better#2027" });
    expect(mismatch.validationErrors?.fieldErrors).toEqual({ confirmPassword: ["两次输入的新密码不一致"] });
    expect((await userRow(id)).mustChangePassword).toBe(true);

    const ok = await change({ currentPassword: temporaryPassword, newPassword: "Better#2026", confirmPassword: "Better#2026" });
    expect(ok.data).toEqual({ ok: true });
    expect(await userRow(id)).toMatchObject({ mustChangePassword: false, version: 1 });
    expect(await loadSession(elsewhere)).toBeNull(); // other sessions end, this one stays
    expect(await loadSession(sessionId)).toMatchObject({ mustChangePassword: false, needsSecondFactor: true });
    // 管理员 needs the second factor: nothing but its enrolment until it is set up.
    expect((await newTownship()).serverError).toBe("请先设置双因素认证");
    const started = await startTwoFactor({});
    expect(started.data?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const codes = (await confirmTwoFactor({ code: totpCode(started.data!.secret) })).data?.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await loadSession(sessionId))?.needsSecondFactor).toBe(false);
    expect((await newTownship()).data?.id).toEqual(expect.any(String)); // same session, now allowed
    await expect(signIn("zhangsan", temporaryPassword)).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    // The password alone makes no session any more.
    await expect(signInWithPassword({ username: "zhangsan", password: "Better#2026", ip: "10.0.0.1", userAgent: "test" })).resolves.toMatchObject({
      kind: "second-factor",
    });
  });

  it("counts wrong current passwords at the password change towards the lockout", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const sessionId = await actAs(user);
    const attempt = () => changePassword({ currentPassword: "Wrong@1234", newPassword: "Better#2026", confirmPassword: "Better#2026" });
    for (let i = 1; i < MAX_FAILURES; i++) expect((await attempt()).validationErrors?.fieldErrors).toEqual({ currentPassword: ["当前密码不正确"] });
    expect((await attempt()).serverError).toMatch(/^当前密码错误次数过多，已退出登录。登录失败次数过多，请于 \d\d:\d\d 后再试/);
    expect(await loadSession(sessionId)).toBeNull();
    // Locked from the address that guessed (the actions' address in these tests), not from the owner's others.
    await expect(signIn(user.username, PASSWORD, "127.0.0.1")).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    await expect(signIn(user.username, PASSWORD, "10.0.0.1")).resolves.toHaveProperty("sessionId");
    expect(await db.auditLog.count({ where: { action: "auth.locked", actorId: user.id } })).toBe(1);
  });

  it("puts a duplicate username (any case) on the username field", async () => {
    await makeUser(["UNIT_USER"], county.townshipA.id, { username: "lisi" });
    const result = await createUser({ username: "LiSi", name: "李四二", unitId: county.townshipA.id, roles: ["UNIT_USER"] });
    expect(result.validationErrors?.fieldErrors).toEqual({ username: ["该用户名已被使用"] });
    expect(await db.user.count({ where: { name: "李四二" } })).toBe(0);
  });

  it("refuses to put system and security duties on one account (三权分立)", async () => {
    const result = await createUser({ username: "wangwu", name: "王五", unitId: county.department.id, roles: ["COUNTY_ADMIN", "SECURITY_ADMIN"] });
    expect(result.validationErrors?.fieldErrors.roles).toEqual(["管理员、安全管理员的职责必须分设在不同账户（三权分立）"]);
    expect(await db.user.count({ where: { username: "wangwu" } })).toBe(0);
  });

  it("refuses a UNIT_USER calling createUser", async () => {
    const clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
    await actAs(clerk);
    const result = await createUser({ username: "sneaky", name: "越权", unitId: county.townshipA.id, roles: ["COUNTY_ADMIN"] });
    expect(result.serverError).toBe("无权执行此操作");
    expect(await db.user.count({ where: { username: "sneaky" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: clerk.id, summary: "操作：新建账户" } })).toBe(1);
  });
});

describe("managing accounts", () => {
  it("does not let the security admin change their own roles or disable themselves", async () => {
    const own = await userRow(security.id);
    const roles = await updateUser({ id: own.id, version: own.version, name: own.name, unitId: own.unitId, roles: ["AUDIT_ADMIN"] });
    expect(roles.validationErrors?.fieldErrors).toEqual({ roles: ["不能修改自己账户的角色"] });
    const disable = await setUserActive({ id: own.id, version: own.version, active: false });
    expect(disable.serverError).toBe("不能停用自己的账户");
    expect((await resetPassword({ id: own.id })).serverError).toBe("请通过“修改密码”更改自己的密码");
    expect(await userRow(security.id)).toMatchObject({ roles: ["SECURITY_ADMIN"], active: true, version: own.version });
  });

  it("applies a role change to an existing session at once, without a new sign-in", async () => {
    const admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
    const adminSession = await actAs(admin);
    expect((await newTownship()).data?.id).toEqual(expect.any(String));

    await actAs(security);
    const removed = await updateUser({ id: admin.id, version: admin.version, name: admin.name, unitId: admin.unitId, roles: ["COUNTY_STAFF"] });
    expect(removed.data).toEqual({ id: admin.id });
    expect(await userRow(admin.id)).toMatchObject({ roles: ["COUNTY_STAFF"], version: admin.version + 1 });

    testSession.sessionId = adminSession;
    const before = await db.unit.count();
    expect((await newTownship()).serverError).toBe("无权执行此操作");
    expect(await db.unit.count()).toBe(before);
  });

  it("refuses an update from a stale version and keeps the newer values", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const base = { id: user.id, version: user.version, unitId: user.unitId, roles: ["UNIT_USER" as const] };
    expect((await updateUser({ ...base, name: "第一次" })).data).toEqual({ id: user.id });
    expect((await updateUser({ ...base, name: "第二次" })).serverError).toBe(STALE_RECORD);
    expect(await userRow(user.id)).toMatchObject({ name: "第一次", version: 1 });
  });

  it("signs a disabled user out everywhere", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const one = (await signIn(user.username, PASSWORD)).sessionId;
    const two = (await signIn(user.username, PASSWORD)).sessionId;
    const result = await setUserActive({ id: user.id, version: user.version, active: false });
    expect(result.data).toEqual({ id: user.id });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await loadSession(one)).toBeNull();
    expect(await loadSession(two)).toBeNull();
    expect(await userRow(user.id)).toMatchObject({ active: false, version: 1 });
    expect(await db.auditLog.count({ where: { action: "user.disable", entityId: user.id } })).toBe(1);
  });

  it("resets a password: new temporary password, must change, sessions ended, lock cleared", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await signIn(user.username, PASSWORD);
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(user.username, "10.0.0.1");
    await expect(signIn(user.username, PASSWORD)).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);

    const result = await resetPassword({ id: user.id });
    const temporary = result.data!.temporaryPassword;
    expect(result.data!.username).toBe(user.username);
    expect(passwordProblem(temporary, user.username)).toBeNull();
    expect(await userRow(user.id)).toMatchObject({ mustChangePassword: true, version: 1 });
    expect(await loadSession(sessionId)).toBeNull();
    expect(await db.loginLimit.count({ where: { key: { contains: user.username } } })).toBe(0);
    await expect(signIn(user.username, PASSWORD)).rejects.toThrow(SIGN_IN_ERRORS.INVALID);
    await expect(signIn(user.username, temporary)).resolves.toHaveProperty("sessionId");
    expect(await db.auditLog.count({ where: { action: "user.reset_password", entityId: user.id } })).toBe(1);
  });

  it("unlocks a locked account", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(user.username, "10.0.0.1");
    await expect(signIn(user.username, PASSWORD)).rejects.toThrow(SIGN_IN_ERRORS.LOCKED);
    expect((await unlockUser({ id: user.id })).data).toEqual({ id: user.id });
    expect(await db.loginLimit.count({ where: { key: { contains: user.username } } })).toBe(0);
    await expect(signIn(user.username, PASSWORD)).resolves.toHaveProperty("sessionId");
    expect(await db.auditLog.count({ where: { action: "user.unlock", entityId: user.id } })).toBe(1);
  });
});
