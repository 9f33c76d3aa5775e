"use server";

import { returnValidationErrors } from "next-safe-action";
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { changePasswordSchema } from "@/lib/users/schemas";

export const changePassword = actionClient
  .metadata({ name: "修改密码", permission: "account.self", beforePasswordChange: true })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const user = await db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    if (!(await verifyPassword(user.passwordHash, parsedInput.currentPassword))) {
      returnValidationErrors(changePasswordSchema, { currentPassword: { _errors: ["当前密码不正确"] } });
    }
    const problem = passwordProblem(parsedInput.newPassword, user.username);
    if (problem) returnValidationErrors(changePasswordSchema, { newPassword: { _errors: [problem] } });
    if (await verifyPassword(user.passwordHash, parsedInput.newPassword)) {
      returnValidationErrors(changePasswordSchema, { newPassword: { _errors: ["新密码不能与当前密码相同"] } });
    }
    const passwordHash = await hashPassword(parsedInput.newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: { increment: 1 } } });
      // Other sessions of this account end; this one stays.
      await tx.session.deleteMany({ where: { userId: user.id, id: { not: ctx.user.sessionId } } });
      await writeAudit({ actor: ctx.actor, action: "auth.password_changed", entityType: "User", entityId: user.id, ip: ctx.ip }, tx);
    });
    return { ok: true };
  });
