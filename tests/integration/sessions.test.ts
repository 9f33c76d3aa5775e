import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ABSOLUTE_HOURS, IDLE_MINUTES, loadSession } from "@/lib/auth/session-store";
import { CHALLENGE_USE_KEPT_MS, sweepSignInState } from "@/lib/auth/sweep";
import { ownSessions, sessionHandle } from "@/lib/account/sessions";
import { endOwnSession } from "@/lib/account/actions";
import { endUserSessions } from "@/lib/users/actions";
import { recordSignInFailure } from "@/lib/auth/throttle";
import { POST as jobsRoute } from "@/app/api/jobs/reminders/route";
import { testSession } from "./support/session";
import { actAs, makeCounty, makeUser, signInForTest } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let security: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  county = await makeCounty();
  security = await makeUser(["SECURITY_ADMIN"], county.department.id);
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

describe("session limits", () => {
  it("ends a session 12 hours after sign-in on the server, however busy it was", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await signInForTest(user);
    await db.session.update({ where: { id: sessionId }, data: { createdAt: hoursAgo(ABSOLUTE_HOURS - 0.01) } });
    expect(await loadSession(sessionId)).not.toBeNull(); // just under: still there
    await db.session.update({ where: { id: sessionId }, data: { createdAt: hoursAgo(ABSOLUTE_HOURS + 0.01) } });
    expect(await loadSession(sessionId)).toBeNull();
    expect(await db.session.count({ where: { id: sessionId } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.session_expired", actorId: user.id } });
    expect(audit.summary).toBe("登录已超过 12 小时");
  });

  it("sweeps expired rows (idle, too old), expired code steps and finished throttle counters, and keeps the rest", async () => {
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const live = (await signInForTest(user)).sessionId;
    const idle = (await signInForTest(user)).sessionId;
    const old = (await signInForTest(user)).sessionId;
    await db.session.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - (IDLE_MINUTES + 1) * 60_000) } });
    await db.session.update({ where: { id: old }, data: { createdAt: hoursAgo(ABSOLUTE_HOURS + 1) } });
    await db.pendingSignIn.create({ data: { id: "expired-pending", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await db.pendingSignIn.create({ data: { id: "live-pending", userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    await recordSignInFailure("sweep-me", "10.3.0.1");
    await db.loginLimit.updateMany({ where: { key: { contains: "sweep-me" } }, data: { expire: BigInt(Date.now() - 1000) } });
    await recordSignInFailure("keep-me", "10.3.0.1");
    // Used one-time tokens: kept while a token of the longest life could still come back, then removed.
    await db.challengeUse.create({ data: { nonce: "sweep-old-use", usedAt: new Date(Date.now() - CHALLENGE_USE_KEPT_MS - 60_000) } });
    await db.challengeUse.create({ data: { nonce: "keep-recent-use", usedAt: new Date(Date.now() - CHALLENGE_USE_KEPT_MS + 60_000) } });

    const swept = await sweepSignInState();
    expect(CHALLENGE_USE_KEPT_MS).toBe(2 * 60 * 60 * 1000); // the public challenge's 2 hours, longer than an import's hour
    expect(swept.challengeUses).toBeGreaterThanOrEqual(1);
    expect(await db.challengeUse.findUnique({ where: { nonce: "sweep-old-use" } })).toBeNull();
    expect(await db.challengeUse.findUnique({ where: { nonce: "keep-recent-use" } })).not.toBeNull();
    expect(swept.sessions).toBeGreaterThanOrEqual(2);
    expect(swept.pendingSignIns).toBe(1);
    expect((await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id)).toEqual([live]);
    expect(await db.pendingSignIn.findUnique({ where: { id: "live-pending" } })).not.toBeNull();
    expect(await db.loginLimit.count({ where: { key: { contains: "sweep-me" } } })).toBe(0);
    expect(await db.loginLimit.count({ where: { key: { contains: "keep-me" } } })).toBe(2);
  });

  it("runs the sweep from the jobs route", async () => {
    const secret = process.env.NEXTAUTH_SECRET!;
    const token = (await import("node:crypto")).createHmac("sha256", secret).update("jobs").digest("hex");
    const user = await makeUser(["UNIT_USER"], county.townshipA.id);
    const { sessionId } = await signInForTest(user);
    await db.session.update({ where: { id: sessionId }, data: { createdAt: hoursAgo(ABSOLUTE_HOURS + 1) } });
    const response = await jobsRoute(new Request("http://localhost/api/jobs/reminders", { method: "POST", headers: { "x-job-token": token } }));
    expect(response.status).toBe(200);
    expect((await response.json()).sweep.sessions).toBeGreaterThanOrEqual(1);
    expect(await db.session.count({ where: { id: sessionId } })).toBe(0);
  });
});

describe("one's own sessions", () => {
  it("lists them by device and address without their ids, and ends any of them, audited", async () => {
    const user = await makeUser(["COUNTY_STAFF"], county.section.id);
    const phone = (await signInForTest(user, "10.4.0.2")).sessionId;
    await db.session.update({
      where: { id: phone },
      data: {
        userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      },
    });
    const here = await actAs(user);
    const listed = await ownSessions({ id: user.id, sessionId: here });
    expect(listed).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain(phone);
    const other = listed.find((s) => !s.current)!;
    expect(other).toMatchObject({ device: "iPhone · Safari 浏览器", ip: "10.4.0.2" });

    expect((await endOwnSession({ handle: other.handle })).data).toEqual({ ok: true });
    expect(await loadSession(phone)).toBeNull();
    expect(await loadSession(here)).not.toBeNull();
    expect((await endOwnSession({ handle: other.handle })).serverError).toBe("该会话已结束");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.session_ended", actorId: user.id } });
    expect(audit.summary).toBe("iPhone · Safari 浏览器，10.4.0.2");
  });

  it("cannot end someone else's session with its handle", async () => {
    const victim = await makeUser(["UNIT_USER"], county.townshipA.id);
    const theirs = (await signInForTest(victim)).sessionId;
    const intruder = await makeUser(["UNIT_USER"], county.townshipB.id);
    await actAs(intruder);
    expect((await endOwnSession({ handle: sessionHandle(theirs) })).serverError).toBe("该会话已结束");
    expect(await loadSession(theirs)).not.toBeNull();
  });
});

describe("the security admin", () => {
  it("ends all of a user's sessions, audited; others may not", async () => {
    const user = await makeUser(["LEADER"], county.county.id);
    const one = (await signInForTest(user)).sessionId;
    const two = (await signInForTest(user, "10.5.0.1")).sessionId;
    const clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
    await actAs(clerk);
    expect((await endUserSessions({ id: user.id })).serverError).toBe("无权执行此操作");
    expect(await loadSession(one)).not.toBeNull();

    await actAs(security);
    expect((await endUserSessions({ id: user.id })).data).toEqual({ id: user.id, count: 2 });
    expect(await loadSession(one)).toBeNull();
    expect(await loadSession(two)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.end_sessions", entityId: user.id } });
    expect(audit).toMatchObject({ actorId: security.id, summary: `${user.name}（${user.username}），结束会话 2 个` });
  });

  it("keeps their own current session when ending their own others", async () => {
    const mine = await actAs(security);
    const elsewhere = (await signInForTest(security, "10.5.0.9")).sessionId;
    testSession.sessionId = mine;
    expect((await endUserSessions({ id: security.id })).data?.count).toBeGreaterThanOrEqual(1);
    expect(await loadSession(mine)).not.toBeNull();
    expect(await loadSession(elsewhere)).toBeNull();
  });
});
