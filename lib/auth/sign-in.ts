// Username/password sign-in behind next-auth's Credentials provider.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { clearFailures, lockedUntil, recordFailure } from "@/lib/auth/lockout";

/** Error codes that travel to the sign-in page (next-auth passes the message through). */
export const SIGN_IN_ERRORS = {
  INVALID: "CredentialsSignin",
  LOCKED: "AccountLocked",
} as const;

export class SignInError extends Error {}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

type Attempt = { username: string; password: string; ip: string | null; userAgent: string | null };

/** Returns the new session's id, or throws SignInError with one of SIGN_IN_ERRORS. */
export async function signInWithPassword(attempt: Attempt): Promise<{ userId: string; sessionId: string }> {
  const username = normalizeUsername(attempt.username);
  const user = await db.user.findUnique({ where: { username } });
  const actor = user ? { id: user.id, username: user.username, name: user.name } : null;

  if (await lockedUntil(username)) {
    await writeAudit({
      actor,
      action: "auth.login_failed",
      summary: `账户锁定期间尝试登录：${username}`,
      ip: attempt.ip,
      outcome: "DENIED",
      details: { username },
    });
    throw new SignInError(SIGN_IN_ERRORS.LOCKED);
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), attempt.password);
  if (!user || !passwordOk || !user.active) {
    const lockEnd = await recordFailure(username);
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
      throw new SignInError(SIGN_IN_ERRORS.LOCKED);
    }
    throw new SignInError(SIGN_IN_ERRORS.INVALID);
  }

  await clearFailures(username);
  const sessionId = crypto.randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sessionId, userId: user.id, ip: attempt.ip, userAgent: attempt.userAgent?.slice(0, 300) } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit({ actor, action: "auth.login", entityType: "User", entityId: user.id, ip: attempt.ip }, tx);
  });
  return { userId: user.id, sessionId };
}
