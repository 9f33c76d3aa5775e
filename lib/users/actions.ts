"use server";

import { revalidatePath } from "next/cache";
import { actionClient, rethrowFieldError } from "@/lib/actions/client";
import { ActionError, STALE_RECORD, FieldError, NotFoundError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, roleSetProblem } from "@/lib/auth/roles";
import { clearAccountThrottle, clearThrottleKey } from "@/lib/auth/throttle";
import { parseLimitKey } from "@/lib/auth/throttle-rules";
import { resetSecondFactor, secondFactorRelaxed } from "@/lib/auth/second-factor";
import { MANDATORY_SECOND_FACTOR_ROLES } from "@/lib/auth/second-factor-rules";
import { createUserSchema, limitKeySchema, roleSecondFactorSchema, setUserActiveSchema, updateUserSchema, userIdSchema } from "@/lib/users/schemas";
import { checkUnit, createUserRecord, temporaryPassword } from "@/lib/users/service";

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
      rethrowFieldError(error);
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
      rethrowFieldError(error);
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
      await writeAudit(
        { actor: ctx.actor, action: "user.reset_password", entityType: "User", entityId: id, summary: `${user.name}（${user.username}）`, ip: ctx.ip },
        tx,
      );
      return user;
    });
    await clearAccountThrottle(user.username);
    revalidatePath("/users");
    return { username: user.username, temporaryPassword: password };
  });

export const unlockUser = actionClient
  .metadata({ name: "解除锁定", permission: "users.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    const user = await db.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundError("账户不存在");
    await clearAccountThrottle(user.username);
    await writeAudit({ actor: ctx.actor, action: "user.unlock", entityType: "User", entityId: id, summary: `${user.name}（${user.username}）`, ip: ctx.ip });
    revalidatePath("/users");
    return { id };
  });

/** Removes a user's second factor (a lost phone): they enrol again at their next sign-in; their sessions end. */
export const resetUserSecondFactor = actionClient
  .metadata({ name: "重置双因素认证", permission: "users.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    if (id === ctx.user.id) throw new ActionError("不能重置自己的双因素认证，请由另一位安全管理员操作");
    await db.$transaction((tx) => resetSecondFactor(tx, id, { actor: ctx.actor, ip: ctx.ip }));
    revalidatePath(`/users/${id}`);
    return { id };
  });

/** Signs a user out everywhere (a stolen laptop, a suspicious address). */
export const endUserSessions = actionClient
  .metadata({ name: "结束账户全部会话", permission: "users.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput: { id }, ctx }) => {
    const count = await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id } });
      if (!user) throw new ActionError("账户不存在");
      const ended = await tx.session.deleteMany({ where: { userId: id, ...(id === ctx.user.id ? { id: { not: ctx.user.sessionId } } : {}) } });
      await writeAudit(
        {
          actor: ctx.actor,
          action: "user.end_sessions",
          entityType: "User",
          entityId: id,
          summary: `${user.name}（${user.username}），结束会话 ${ended.count} 个`,
          ip: ctx.ip,
        },
        tx,
      );
      return ended.count;
    });
    revalidatePath(`/users/${id}`);
    return { id, count };
  });

/** Whether a role must use the second factor; the three admin roles always must, outside the demo. */
export const setRoleSecondFactor = actionClient
  .metadata({ name: "设置角色双因素要求", permission: "users.manage" })
  .inputSchema(roleSecondFactorSchema)
  .action(async ({ parsedInput: { role, required }, ctx }) => {
    if (!required && MANDATORY_SECOND_FACTOR_ROLES.includes(role) && !secondFactorRelaxed()) {
      throw new ActionError(`${ROLE_LABELS[role]}必须使用双因素认证，不能关闭`);
    }
    await db.$transaction(async (tx) => {
      await tx.roleSecondFactor.upsert({ where: { role }, create: { role, required }, update: { required } });
      await writeAudit(
        {
          actor: ctx.actor,
          action: "security.role_2fa",
          summary: `${ROLE_LABELS[role]}：${required ? "要求" : "不要求"}双因素认证`,
          details: { role, required },
          ip: ctx.ip,
        },
        tx,
      );
    });
    revalidatePath("/users/security");
    return { role, required };
  });

/** Lifts one sign-in counter of the 登录安全 page (an address, an account from an address, an account). */
export const liftLoginLimit = actionClient
  .metadata({ name: "解除登录限制", permission: "users.manage" })
  .inputSchema(limitKeySchema)
  .action(async ({ parsedInput: { key }, ctx }) => {
    const parsed = parseLimitKey(key);
    if (!parsed) throw new ActionError("限制记录不存在");
    if (!(await clearThrottleKey(key))) throw new ActionError("该限制已解除或已到期");
    const what = [parsed.username && `账户 ${parsed.username}`, parsed.ip && `地址 ${parsed.ip}`].filter(Boolean).join("，");
    await writeAudit({ actor: ctx.actor, action: "security.lift_lock", summary: `${parsed.rule.label}：${what}`, details: { key }, ip: ctx.ip });
    revalidatePath("/users/security");
    return { key };
  });
