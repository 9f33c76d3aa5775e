// The one way to write a server action: metadata names the permission, the middleware loads the
// session fresh from the database and checks it, the input is parsed by the action's zod schema.
import "server-only";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { z } from "@/lib/validation";
import { PERMISSIONS, can, type Permission } from "@/lib/auth/permissions";
import { auditDenied, getCurrentUser, requestMeta } from "@/lib/auth/current-user";
import { ActionError, FieldError, GENERIC_ERROR, NotFoundError } from "@/lib/actions/errors";
import { auditRefusal } from "@/lib/audit/refusals";
import { currentRequestId, logger, noteRequest } from "@/lib/log";

const permissionNames = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

const baseClient = createSafeActionClient({
  defineMetadataSchema: () =>
    z.object({
      /** What the action does, for the audit line of a refusal. */
      name: z.string(),
      /** "public": open to visitors without an account (publicActionClient only). */
      permission: z.union([z.enum(permissionNames), z.literal("public")]),
      /** Allowed before the initial password is changed (only the password change itself). */
      beforePasswordChange: z.boolean().optional(),
      /** Allowed before the second factor the role requires is enrolled (the enrolment itself, signing out others). */
      beforeSecondFactor: z.boolean().optional(),
    }),
  defaultValidationErrorsShape: "flattened",
  async handleServerError(error, { ctx, metadata, clientInput }) {
    // Another unit's id (or a missing record): the scoped query found nothing. A refusal, audited.
    if (error instanceof NotFoundError) {
      const { actor, ip } = ctx as { actor?: { id: string; username: string; name: string } | null; ip?: string | null };
      const entityId = namedId(clientInput);
      await auditRefusal({ actor: actor ?? null, ip: ip ?? null, summary: `记录不存在或无权访问：${metadata.name}：${error.message}`, entityId });
    }
    if (error instanceof ActionError) return error.message;
    // A unique constraint caught a concurrent duplicate (two tabs, two admins): not a crash.
    if ((error as { code?: string }).code === "P2002") return "该记录已存在或刚被他人修改，请刷新页面后再试";
    // The stack goes to the log, never to the user; the request id ties the two together for the helpdesk.
    const requestId = currentRequestId();
    logger.error({ err: error }, "action failed");
    return requestId ? `${GENERIC_ERROR}（错误编号 ${requestId}）` : GENERIC_ERROR;
  },
});

/** Actions of signed-in users holding the permission named in the metadata. */
export const actionClient = baseClient.use(async ({ next, metadata }) => {
  noteRequest({ action: metadata.name });
  const user = await getCurrentUser();
  const { ip } = await requestMeta();
  if (!user) {
    await auditDenied(null, `未登录：操作：${metadata.name}`, ip);
    throw new ActionError("登录已失效，请重新登录");
  }
  if (user.mustChangePassword && !metadata.beforePasswordChange) throw new ActionError("请先修改初始密码");
  if (user.needsSecondFactor && !metadata.beforeSecondFactor && !metadata.beforePasswordChange) throw new ActionError("请先设置双因素认证");
  if (metadata.permission === "public" || !can(user.roles, metadata.permission)) {
    await auditDenied(user, `操作：${metadata.name}`, ip);
    throw new ActionError("无权执行此操作");
  }
  const actor = { id: user.id, username: user.username, name: user.name };
  return next({ ctx: { user, actor, ip } });
});

/** Actions open to anyone (the public suggestion box); the caller may still be signed in. */
export const publicActionClient = baseClient.use(async ({ next, metadata }) => {
  if (metadata.permission !== "public") throw new Error(`${metadata.name}: publicActionClient needs permission "public"`);
  noteRequest({ action: metadata.name });
  const signedIn = await getCurrentUser();
  const user = signedIn && !signedIn.mustChangePassword && !signedIn.needsSecondFactor ? signedIn : null;
  const { ip } = await requestMeta();
  const actor = user ? { id: user.id, username: user.username, name: user.name } : null;
  return next({ ctx: { user, actor, ip } });
});

/**
 * A FieldError becomes the action's validation error for that field (shown next to it in the form); anything
 * else is thrown on. next-safe-action types the errors by the schema's keys, and a service's field is checked by
 * the form's own tests rather than here, hence the one cast.
 */
export function rethrowFieldError(error: unknown): never {
  if (error instanceof FieldError) returnValidationErrors(z.object({}), { [error.field]: { _errors: [error.message] } } as never);
  throw error;
}

/** The keys a refused call's record id is read from, in this order. */
const ID_KEYS = ["id", "projectId", "campaignId", "nominationId", "hearingId", "inspectionId", "eventId", "submissionId", "topicId", "problemId", "itemId"];

/** The id the caller named (id, projectId, …; also from a FormData upload), for the refusal's audit row. */
function namedId(input: unknown): string | undefined {
  const get = (key: string) =>
    input instanceof FormData ? input.get(key) : input && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
  for (const key of ID_KEYS) {
    const value = get(key);
    if (typeof value === "string" && value) return value.slice(0, 64);
  }
  return undefined;
}

/** Runs the work of an action; a FieldError thrown by a service lands next to its field in the form. */
export async function withFieldErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    rethrowFieldError(error);
  }
}
