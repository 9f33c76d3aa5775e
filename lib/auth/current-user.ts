// The glue between next-auth's cookie and our session rows, for pages, actions and route handlers.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { decodeKept } from "@/lib/auth/token-cache";
import { authOptions } from "@/lib/auth/options";
import { loadSession, type CurrentUser } from "@/lib/auth/session-store";
import { can, type Permission } from "@/lib/auth/permissions";
import { clientIp } from "@/lib/auth/request-meta";
import { auditRefusal } from "@/lib/audit/refusals";
import { noteRequest } from "@/lib/log";

export type { CurrentUser };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const token = await getToken({
    req: { cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])), headers: Object.fromEntries(headerStore) } as never,
    secret: authOptions.secret,
    decode: decodeKept,
  });
  const sid = token?.sid;
  const user = typeof sid === "string" ? await loadSession(sid) : null;
  if (user) noteRequest({ userId: user.id });
  return user;
});

export async function requestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const headerStore = await headers();
    return { ip: clientIp((name) => headerStore.get(name)), userAgent: headerStore.get("user-agent") };
  } catch {
    return { ip: null, userAgent: null };
  }
}

/** For pages: signed-in user, sent to sign-in, to the password change or to the second factor's enrolment first when needed. */
export async function requireUser(options: { passwordChangePage?: boolean; secondFactorPage?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.passwordChangePage) redirect("/change-password");
  if (user.needsSecondFactor && !options.passwordChangePage && !options.secondFactorPage) redirect("/two-factor");
  return user;
}

/** A refusal of the signed-in user (or of a visitor, `null`), audited as DENIED (rate-limited, lib/audit/refusals.ts). */
export async function auditDenied(user: CurrentUser | null, what: string, address?: string | null) {
  const ip = address !== undefined ? address : (await requestMeta()).ip;
  await auditRefusal({ actor: user ? { id: user.id, username: user.username, name: user.name } : null, ip, summary: what });
}

/** For pages: a user holding the permission; anyone else gets the 403 page (and an audit line). */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.roles, permission)) {
    await auditDenied(user, `页面：${permission}`);
    forbidden();
  }
  return user;
}
