"use server";

import { returnValidationErrors } from "next-safe-action";
import { actionClient } from "@/lib/actions/client";
import { ActionError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { clearFailures, lockedUntil, LOCK_MINUTES, recordFailure } from "@/lib/auth/lockout";
import { changePasswordSchema, ownEmailSchema } from "@/lib/users/schemas";

const LOCKED = `当前密码错误次数过多，账户已锁定 ${LOCK_MINUTES} 分钟，请稍后重新登录`;

export const changePassword = actionClient
  .metadata({ name: "修改密码", permission: "account.self", beforePasswordChange: true })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const user = await db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    if (await lockedUntil(user.username)) throw new ActionError(LOCKED);
    if (!(await verifyPassword(user.passwordHash, parsedInput.currentPassword))) {
      // Guessing through a borrowed session counts like guessing at the sign-in page.
      const lockEnd = await recordFailure(user.username);
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
        throw new ActionError(LOCKED);
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
    await clearFailures(user.username);
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
