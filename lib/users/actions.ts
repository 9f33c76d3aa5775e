"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { actionClient } from "@/lib/actions/client";
import { ActionError, STALE_RECORD, FieldError, NotFoundError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, roleSetProblem } from "@/lib/auth/roles";
import { clearFailures } from "@/lib/auth/lockout";
import { createUserSchema, setUserActiveSchema, updateUserSchema, userIdSchema } from "@/lib/users/schemas";
import { checkUnit, createUserRecord, temporaryPassword } from "@/lib/users/service";

function fieldError(schema: typeof createUserSchema | typeof updateUserSchema, error: unknown): never {
  if (error instanceof FieldError) returnValidationErrors(schema, { [error.field]: { _errors: [error.message] } } as never);
  throw error;
}

/** The temporary password is returned once, to be handed to the person; only its hash is kept. */
export const createUser = actionClient
  .metadata({ name: "新建账户", permission: "users.manage" })
  .inputSchema(createUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    const password = temporaryPassword();
    try {
      const user = await db.$transaction((tx) => createUserRecord(tx, parsedInput, { password, mustChangePassword: true, actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/users");
      return { id: user.id, username: user.username, temporaryPassword: password };
    } catch (error) {
      fieldError(createUserSchema, error);
    }
  });

export const updateUser = actionClient
  .metadata({ name: "修改账户", permission: "users.manage" })
  .inputSchema(updateUserSchema)
  .action(async ({ parsedInput: { id, version, ...fields }, ctx }) => {
    try {
      await db.$transaction(async (tx) => {
        const current = await tx.user.findUnique({ where: { id } });
        if (!current) throw new NotFoundError("账户不存在");
        const rolesChanged = [...current.roles].sort().join() !== [...new Set(fields.roles)].sort().join();
        // Nobody grants or removes their own roles: that would defeat the separation of duties.
        if (id === ctx.user.id && rolesChanged) throw new FieldError("roles", "不能修改自己账户的角色");
        const problem = roleSetProblem(fields.roles);
        if (problem) throw new FieldError("roles", problem);
        if (fields.unitId !== current.unitId) await checkUnit(tx, fields.unitId);
        const updated = await tx.user.updateMany({
          where: { id, version },
          data: {
            name: fields.name,
            phone: fields.phone,
            email: fields.email,
            unitId: fields.unitId,
            roles: [...new Set(fields.roles)],
            version: { increment: 1 },
          },
        });
        if (updated.count === 0) throw new ActionError(STALE_RECORD);
        await writeAudit(
          {
            actor: ctx.actor,
            action: "user.update",
            entityType: "User",
            entityId: id,
            summary: `${fields.name}（${current.username}）${rolesChanged ? `角色改为：${fields.roles.map((r) => ROLE_LABELS[r]).join("、")}` : ""}`,
            details: { before: { name: current.name, email: current.email, unitId: current.unitId, roles: current.roles }, after: fields },
            ip: ctx.ip,
          },
          tx,
        );
      });
      revalidatePath("/users");
      return { id };
    } catch (error) {
      fieldError(updateUserSchema, error);
    }
  });

export const setUserActive = actionClient
  .metadata({ name: "启用/停用账户", permission: "users.manage" })
  .inputSchema(setUserActiveSchema)
  .action(async ({ parsedInput: { id, version, active }, ctx }) => {
    if (id === ctx.user.id) throw new ActionError("不能停用自己的账户");
    await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id } });
      if (!user) throw new NotFoundError("账户不存在");
      if (active) await checkUnit(tx, user.unitId);
      const updated = await tx.user.updateMany({ where: { id, version }, data: { active, version: { increment: 1 } } });
      if (updated.count === 0) throw new ActionError(STALE_RECORD);
      // A disabled account is signed out everywhere at once.
      if (!active) await tx.session.deleteMany({ where: { userId: id } });
      await writeAudit(
        {
          actor: ctx.actor,
          action: active ? "user.enable" : "user.disable",
          entityType: "User",
          entityId: id,
          summary: `${user.name}（${user.username}）`,
          ip: ctx.ip,
        },
        tx,
      );
    });
    revalidatePath("/users");
    return { id };
  });

export const resetPassword = actionClient
  .metadata({ name: "重置密码", permission: "users.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    if (id === ctx.user.id) throw new ActionError("请通过“修改密码”更改自己的密码");
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id } });
      if (!user) throw new NotFoundError("账户不存在");
      await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true, version: { increment: 1 } } });
      await tx.session.deleteMany({ where: { userId: id } });
      await tx.loginThrottle.deleteMany({ where: { username: user.username } });
      await writeAudit(
        { actor: ctx.actor, action: "user.reset_password", entityType: "User", entityId: id, summary: `${user.name}（${user.username}）`, ip: ctx.ip },
        tx,
      );
      return user;
    });
    revalidatePath("/users");
    return { username: user.username, temporaryPassword: password };
  });

export const unlockUser = actionClient
  .metadata({ name: "解除锁定", permission: "users.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    const user = await db.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundError("账户不存在");
    await clearFailures(user.username);
    await writeAudit({ actor: ctx.actor, action: "user.unlock", entityType: "User", entityId: id, summary: `${user.name}（${user.username}）`, ip: ctx.ip });
    revalidatePath("/users");
    return { id };
  });
