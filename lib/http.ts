// Route handlers (downloads) check the caller themselves, like actions do.
import "server-only";
import { getCurrentUser, auditDenied, requestMeta, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";

export async function routeUser(permission: Permission): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  const { ip } = await requestMeta();
  if (!user || user.mustChangePassword || user.needsSecondFactor) {
    await auditDenied(null, `未登录：下载：${permission}`, ip);
    return new Response("请先登录", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (!can(user.roles, permission)) {
    await auditDenied(user, `下载：${permission}`, ip);
    return new Response("无权访问", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return user;
}

export function xlsxResponse(content: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
}
