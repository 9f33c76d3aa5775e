"use server";

import { returnValidationErrors } from "next-safe-action";
import { actionClient } from "@/lib/actions/client";
import { ActionError, NotFoundError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { recordSignInFailure, recordSignInSuccess, throttledUntil } from "@/lib/auth/throttle";
import { retryMessage } from "@/lib/auth/throttle-rules";
import { changePasswordSchema, ownEmailSchema, sessionHandleSchema, totpCodeSchema } from "@/lib/users/schemas";
import { confirmEnrolment, regenerateRecoveryCodes, startEnrolment } from "@/lib/auth/second-factor";
import { describeDevice } from "@/lib/auth/device";
import { findOwnSession } from "@/lib/account/sessions";
import { z } from "@/lib/validation";

const locked = (until: Date) => `当前密码错误次数过多，已退出登录。${retryMessage(until)}`;

export const changePassword = actionClient
  .metadata({ name: "修改密码", permission: "account.self", beforePasswordChange: true })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const user = await db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    const until = await throttledUntil(user.username, ctx.ip);
    if (until) throw new ActionError(locked(until));
    if (!(await verifyPassword(user.passwordHash, parsedInput.currentPassword))) {
      // Guessing through a borrowed session counts like guessing at the sign-in page.
      const lockEnd = await recordSignInFailure(user.username, ctx.ip);
      await writeAudit({
        actor: ctx.actor,
        action: "auth.login_failed",
        entityType: "User",
        entityId: user.id,
        summary: "修改密码时当前密码错误",
        ip: ctx.ip,
        outcome: "FAILURE",
      });
      if (lockEnd) {
        await db.session.deleteMany({ where: { userId: user.id } });
        await writeAudit({
          actor: ctx.actor,
          action: "auth.locked",
          entityType: "User",
          entityId: user.id,
          summary: "修改密码时连续输错当前密码",
          ip: ctx.ip,
          outcome: "DENIED",
        });
        throw new ActionError(locked(lockEnd));
      }
      returnValidationErrors(changePasswordSchema, { currentPassword: { _errors: ["当前密码不正确"] } });
    }
    const problem = passwordProblem(parsedInput.newPassword, user.username);
    if (problem) returnValidationErrors(changePasswordSchema, { newPassword: { _errors: [problem] } });
    if (await verifyPassword(user.passwordHash, parsedInput.newPassword)) {
      returnValidationErrors(changePasswordSchema, { newPassword: { _errors: ["新密码不能与当前密码相同"] } });
    }
    const passwordHash = await hashPassword(parsedInput.newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: { increment: 1 } },
      });
      // Other sessions of this account end; this one stays.
      await tx.session.deleteMany({ where: { userId: user.id, id: { not: ctx.user.sessionId } } });
      await writeAudit({ actor: ctx.actor, action: "auth.password_changed", entityType: "User", entityId: user.id, ip: ctx.ip }, tx);
    });
    await recordSignInSuccess(user.username, ctx.ip);
    return { ok: true };
  });

/** Each person sets the address their notifications are e-mailed to (when SMTP is configured). */
export const updateOwnEmail = actionClient
  .metadata({ name: "修改通知邮箱", permission: "account.self" })
  .inputSchema(ownEmailSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction(async (tx) => {
      const current = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { email: true } });
      if (current.email === parsedInput.email) return;
      await tx.user.update({ where: { id: ctx.user.id }, data: { email: parsedInput.email, version: { increment: 1 } } });
      await writeAudit(
        {
          actor: ctx.actor,
          action: "user.email",
          entityType: "User",
          entityId: ctx.user.id,
          summary: parsedInput.email ? "设置通知邮箱" : "清除通知邮箱",
          ip: ctx.ip,
        },
        tx,
      );
    });
    return { email: parsedInput.email };
  });

/** Begins the enrolment (or a new one): the QR code and the secret for the authenticator app. */
export const startTwoFactor = actionClient
  .metadata({ name: "开始设置双因素认证", permission: "account.self", beforeSecondFactor: true })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const { secret, qrSvg } = await startEnrolment(ctx.user.id);
    return { secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` };
  });

/** Confirms with a code from the app; the recovery codes are returned this once. */
export const confirmTwoFactor = actionClient
  .metadata({ name: "启用双因素认证", permission: "account.self", beforeSecondFactor: true })
  .inputSchema(totpCodeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const codes = await confirmEnrolment(ctx.user.id, parsedInput.code, { actor: ctx.actor, ip: ctx.ip, sessionId: ctx.user.sessionId });
    return { recoveryCodes: codes };
  });

export const newRecoveryCodes = actionClient
  .metadata({ name: "重新生成恢复码", permission: "account.self" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => ({ recoveryCodes: await regenerateRecoveryCodes(ctx.user.id, { actor: ctx.actor, ip: ctx.ip }) }));

/** Ends one of one's own sessions (another device, or this one). */
export const endOwnSession = actionClient
  .metadata({ name: "结束会话", permission: "account.self", beforeSecondFactor: true })
  .inputSchema(sessionHandleSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction(async (tx) => {
      const session = await findOwnSession(tx, ctx.user.id, parsedInput.handle);
      // Not one of the caller's sessions (or already ended): refused like any record not found, and audited.
      if (!session) throw new NotFoundError("该会话已结束");
      await tx.session.deleteMany({ where: { id: session.id, userId: ctx.user.id } });
      await writeAudit(
        {
          actor: ctx.actor,
          action: "auth.session_ended",
          entityType: "User",
          entityId: ctx.user.id,
          summary: `${describeDevice(session.userAgent)}，${session.ip ?? "地址未知"}`,
          ip: ctx.ip,
        },
        tx,
      );
    });
    return { ok: true };
  });
