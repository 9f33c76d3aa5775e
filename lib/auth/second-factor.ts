// The second factor (TOTP with recovery codes): enrolment, checking a code, reset by the security admin.
import "server-only";
import { db, type DbOrTx, type Tx } from "@/lib/db/client";
import { ActionError } from "@/lib/actions/errors";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import {
  hashRecoveryCode,
  looksLikeTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  secondFactorRelaxedIn,
  secondFactorRequired,
  totpUri,
  verifyTotp,
} from "@/lib/auth/second-factor-rules";
import type { Role } from "@/lib/generated/prisma/enums";
import QRCode from "qrcode";

/** The embedded demo's published accounts sign in without the factor: the mandatory roles are not forced there. */
export function secondFactorRelaxed(): boolean {
  return secondFactorRelaxedIn(process.env);
}

export async function chosenRoles(client: DbOrTx = db): Promise<Role[]> {
  return (await client.roleSecondFactor.findMany({ where: { required: true }, select: { role: true } })).map((row) => row.role);
}

export async function requiresSecondFactor(roles: readonly Role[], client: DbOrTx = db): Promise<boolean> {
  return secondFactorRequired(roles, await chosenRoles(client), secondFactorRelaxed());
}

/** Begins (or begins again) an enrolment: a new secret kept aside until a code from the app confirms it. */
export async function startEnrolment(userId: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true } });
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpPendingSecret: sealSecret(secret) } });
  const uri = totpUri(secret, user.username);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrSvg };
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Confirms the enrolment with a code of the new secret; returns the recovery codes, shown once. */
export async function confirmEnrolment(
  userId: string,
  code: string,
  meta: { actor: AuditActor; ip: string | null; sessionId: string | null },
  now = new Date(),
): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const secret = user.totpPendingSecret ? openSecret(user.totpPendingSecret) : null;
  if (!secret) throw new ActionError("请先点击“开始设置”并扫描二维码");
  const step = verifyTotp(secret, code, now.getTime(), null);
  if (step === null) throw new ActionError("动态口令不正确，请核对手机上的 6 位数字后重试");
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, totpPendingSecret: user.totpPendingSecret },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ActionError("设置已在其他页面完成或重新开始，请刷新页面");
    const codes = await replaceRecoveryCodes(tx, userId);
    // A new factor ends the other sessions, which were opened with the old one (or without any).
    if (meta.sessionId) await tx.session.deleteMany({ where: { userId, id: { not: meta.sessionId } } });
    await writeAudit(
      { actor: meta.actor, action: user.totpSecret ? "auth.2fa_reenrolled" : "auth.2fa_enrolled", entityType: "User", entityId: userId, ip: meta.ip },
      tx,
    );
    return codes;
  });
}

export async function regenerateRecoveryCodes(userId: string, meta: { actor: AuditActor; ip: string | null }): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
    if (!user.totpSecret) throw new ActionError("尚未启用双因素认证");
    const codes = await replaceRecoveryCodes(tx, userId);
    await writeAudit({ actor: meta.actor, action: "auth.2fa_recovery_codes", entityType: "User", entityId: userId, ip: meta.ip }, tx);
    return codes;
  });
}

export type FactorCheck = { ok: true; method: "totp" | "recovery" } | { ok: false };

/**
 * Checks a code typed at sign-in, inside the caller's transaction: a TOTP code of a step later than the last
 * one used (moved forward atomically, so two requests with one code cannot both pass), or an unused recovery
 * code (marked used in the same statement).
 */
export async function checkSecondFactor(tx: Tx, userId: string, input: string, now = new Date()): Promise<FactorCheck> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user.totpSecret) return { ok: false };
  if (looksLikeTotp(input)) {
    const secret = openSecret(user.totpSecret);
    if (!secret) return { ok: false };
    const step = verifyTotp(secret, input, now.getTime(), user.totpLastStep);
    if (step === null) return { ok: false };
    const moved = await tx.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return moved.count === 1 ? { ok: true, method: "totp" } : { ok: false };
  }
  const code = normalizeRecoveryCode(input);
  if (!code) return { ok: false };
  const used = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
  return used.count === 1 ? { ok: true, method: "recovery" } : { ok: false };
}

/** The security admin's reset: the factor, its recovery codes and every session of the account go. */
export async function resetSecondFactor(tx: Tx, userId: string, meta: { actor: AuditActor; ip: string | null }): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new ActionError("账户不存在");
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, version: { increment: 1 } },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.pendingSignIn.deleteMany({ where: { userId } });
  const ended = await tx.session.deleteMany({ where: { userId } });
  await writeAudit(
    {
      actor: meta.actor,
      action: "user.reset_2fa",
      entityType: "User",
      entityId: userId,
      summary: `${user.name}（${user.username}），结束会话 ${ended.count} 个`,
      ip: meta.ip,
    },
    tx,
  );
}

export async function factorStatus(userId: string) {
  const [user, unused] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true, totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabledAt: user.totpEnabledAt, unusedRecoveryCodes: unused, required: await requiresSecondFactor(user.roles) };
}
