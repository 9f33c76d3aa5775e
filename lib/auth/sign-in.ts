// Sign-in behind next-auth's Credentials provider: the password, then (when enrolled) the second factor.
// The password alone never makes a session for an enrolled account: it makes a PendingSignIn, short-lived and
// single use, whose token the browser sends back with the code.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { recordSignInFailure, recordSignInSuccess, throttledUntil } from "@/lib/auth/throttle";
import { checkSecondFactor } from "@/lib/auth/second-factor";

/** Error codes that travel to the sign-in page (next-auth passes the message through). */
export const SIGN_IN_ERRORS = {
  INVALID: "CredentialsSignin",
  /** Followed by `:<epoch ms>`, when the user may try again. */
  LOCKED: "AccountLocked",
  /** Followed by `:<token>`: the password was right, the code step follows. */
  SECOND_FACTOR: "SecondFactor",
  INVALID_CODE: "InvalidCode",
  /** The code step's time ran out (or too many wrong codes): start again with the password. */
  EXPIRED: "SignInExpired",
} as const;

export const PENDING_MINUTES = 5;
export const MAX_CODE_FAILURES = 5;

export class SignInError extends Error {}

function lockedError(until: Date) {
  return new SignInError(`${SIGN_IN_ERRORS.LOCKED}:${until.getTime()}`);
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

type Meta = { ip: string | null; userAgent: string | null };
type Attempt = Meta & { username: string; password: string };
export type SignInResult = { kind: "session"; userId: string; sessionId: string } | { kind: "second-factor"; token: string };

const tokenId = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

async function openSession(userId: string, meta: Meta, actor: { id: string; username: string; name: string }, how: string | null) {
  const sessionId = crypto.randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sessionId, userId, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) } });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
    await writeAudit({ actor, action: "auth.login", entityType: "User", entityId: userId, ip: meta.ip, summary: how ?? undefined }, tx);
  });
  return sessionId;
}

/** The password step: a session, or the token of the code step; throws SignInError with one of SIGN_IN_ERRORS. */
export async function signInWithPassword(attempt: Attempt): Promise<SignInResult> {
  const username = normalizeUsername(attempt.username);
  const user = await db.user.findUnique({ where: { username } });
  const actor = user ? { id: user.id, username: user.username, name: user.name } : null;

  const until = await throttledUntil(username, attempt.ip);
  if (until) {
    await writeAudit({
      actor,
      action: "auth.login_failed",
      summary: `锁定期间尝试登录：${username}`,
      ip: attempt.ip,
      outcome: "DENIED",
      details: { username },
    });
    throw lockedError(until);
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), attempt.password);
  if (!user || !passwordOk || !user.active) {
    const lockEnd = await recordSignInFailure(username, attempt.ip);
    await writeAudit({
      actor,
      action: "auth.login_failed",
      summary: !user ? `用户名不存在：${username}` : !user.active ? "账户已停用" : "密码错误",
      ip: attempt.ip,
      outcome: "FAILURE",
      details: { username },
    });
    if (lockEnd) {
      await writeAudit({
        actor,
        action: "auth.locked",
        summary: `连续登录失败，锁定至 ${lockEnd.toISOString()}`,
        ip: attempt.ip,
        outcome: "DENIED",
        details: { username },
      });
      throw lockedError(lockEnd);
    }
    throw new SignInError(SIGN_IN_ERRORS.INVALID);
  }

  if (user.totpSecret) {
    const token = crypto.randomBytes(32).toString("base64url");
    await db.pendingSignIn.create({
      data: {
        id: tokenId(token),
        userId: user.id,
        ip: attempt.ip,
        userAgent: attempt.userAgent?.slice(0, 300),
        expiresAt: new Date(Date.now() + PENDING_MINUTES * 60_000),
      },
    });
    return { kind: "second-factor", token };
  }

  await recordSignInSuccess(username, attempt.ip);
  return { kind: "session", userId: user.id, sessionId: await openSession(user.id, attempt, actor!, null) };
}

/** The code step: a TOTP code or a recovery code for the pending sign-in named by `token`. */
export async function signInWithCode(attempt: Meta & { token: string; code: string }): Promise<{ userId: string; sessionId: string }> {
  const id = tokenId(attempt.token);
  const now = new Date();
  const pending = await db.pendingSignIn.findUnique({ where: { id }, include: { user: true } });
  if (!pending || pending.expiresAt <= now || !pending.user.active) throw new SignInError(SIGN_IN_ERRORS.EXPIRED);
  const { user } = pending;
  const actor = { id: user.id, username: user.username, name: user.name };

  const until = await throttledUntil(user.username, attempt.ip);
  if (until) {
    await writeAudit({
      actor,
      action: "auth.login_failed",
      summary: "锁定期间输入动态口令",
      ip: attempt.ip,
      outcome: "DENIED",
      details: { username: user.username },
    });
    throw lockedError(until);
  }

  const sessionId = crypto.randomBytes(32).toString("base64url");
  const outcome = await db.$transaction(async (tx) => {
    const check = await checkSecondFactor(tx, user.id, attempt.code, now);
    if (!check.ok) return null;
    // Single use: of two requests with one token, one deletes the row and the other finds nothing.
    const taken = await tx.pendingSignIn.deleteMany({ where: { id, expiresAt: { gt: now } } });
    if (taken.count !== 1) throw new SignInError(SIGN_IN_ERRORS.EXPIRED);
    await tx.session.create({ data: { id: sessionId, userId: user.id, ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 300) } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    const remaining = check.method === "recovery" ? await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } }) : null;
    await writeAudit(
      {
        actor,
        action: "auth.login",
        entityType: "User",
        entityId: user.id,
        ip: attempt.ip,
        summary: check.method === "totp" ? "密码 + 动态口令" : `密码 + 恢复码（剩余 ${remaining} 个）`,
      },
      tx,
    );
    return check;
  });

  if (!outcome) {
    const failures = await db.pendingSignIn.update({ where: { id }, data: { failures: { increment: 1 } }, select: { failures: true } }).catch(() => null);
    const lockEnd = await recordSignInFailure(user.username, attempt.ip);
    await writeAudit({
      actor,
      action: "auth.login_failed",
      summary: "动态口令或恢复码错误",
      ip: attempt.ip,
      outcome: "FAILURE",
      details: { username: user.username },
    });
    if (lockEnd) {
      await db.pendingSignIn.deleteMany({ where: { id } });
      await writeAudit({ actor, action: "auth.locked", summary: `连续登录失败，锁定至 ${lockEnd.toISOString()}`, ip: attempt.ip, outcome: "DENIED" });
      throw lockedError(lockEnd);
    }
    if (!failures || failures.failures >= MAX_CODE_FAILURES) {
      await db.pendingSignIn.deleteMany({ where: { id } });
      throw new SignInError(SIGN_IN_ERRORS.EXPIRED);
    }
    throw new SignInError(SIGN_IN_ERRORS.INVALID_CODE);
  }
  await recordSignInSuccess(user.username, attempt.ip);
  return { userId: user.id, sessionId };
}
