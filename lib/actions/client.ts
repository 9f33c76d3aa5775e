// The one way to write a server action: metadata names the permission, the middleware loads the
// session fresh from the database and checks it, the input is parsed by the action's zod schema.
import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "@/lib/validation";
import { PERMISSIONS, can } from "@/lib/auth/permissions";
import { auditDenied, getCurrentUser, requestMeta } from "@/lib/auth/current-user";
import { ActionError, GENERIC_ERROR } from "@/lib/actions/errors";

const permissionNames = Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS, ...(keyof typeof PERMISSIONS)[]];

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () =>
    z.object({
      /** What the action does, for the audit line of a refusal. */
      name: z.string(),
      permission: z.enum(permissionNames),
      /** Allowed before the initial password is changed (only the password change itself). */
      beforePasswordChange: z.boolean().optional(),
    }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error) {
    if (error instanceof ActionError) return error.message;
    // A unique constraint caught a concurrent duplicate (two tabs, two admins): not a crash.
    if ((error as { code?: string }).code === "P2002") return "该记录已存在或刚被他人修改，请刷新页面后再试";
    console.error("[action]", error);
    return GENERIC_ERROR;
  },
}).use(async ({ next, metadata }) => {
  const user = await getCurrentUser();
  if (!user) throw new ActionError("登录已失效，请重新登录");
  if (user.mustChangePassword && !metadata.beforePasswordChange) throw new ActionError("请先修改初始密码");
  if (!can(user.roles, metadata.permission)) {
    await auditDenied(user, `操作：${metadata.name}`);
    throw new ActionError("无权执行此操作");
  }
  const { ip } = await requestMeta();
  const actor = { id: user.id, username: user.username, name: user.name };
  return next({ ctx: { user, actor, ip } });
});
