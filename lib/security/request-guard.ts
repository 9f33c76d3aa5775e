// Requests the app refuses before Next.js handles them, each with a clear status and a Chinese message rather
// than a 500 or a reset connection (issue 16, point 6; docs/security.md#errors). proxy.ts runs these; the
// production server (scripts/server.ts) refuses what Node itself would cut off first (over-long request lines
// and headers, bodies over the action limit).

/** Longest address the app answers; search terms and filters fit many times over. */
export const MAX_URL_LENGTH = 8 * 1024;
/** Largest request body: the server actions' bodySizeLimit in next.config.ts (25 MB). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;
/** A server action's text body is read to check it only up to this size (forms are small; files are multipart). */
const MAX_CHECKED_ACTION_BODY = 1024 * 1024;

export const MESSAGES = {
  414: { title: "网址过长", text: "请求的网址过长（搜索内容或筛选条件太多），请缩短后重试。" },
  431: { title: "请求头过长", text: "请求的网址或请求头过长，请缩短搜索内容后重试，或清除本站的 Cookie 后重新登录。" },
  411: { title: "缺少内容长度", text: "上传请求没有注明内容长度，已拒绝。请直接从本系统的页面上传文件。" },
  413: { title: "上传内容过大", text: "上传的内容超过 25 MB，请压缩或拆分后再上传（每个附件不超过 20 MB）。" },
  400: { title: "请求格式不正确", text: "请求格式不正确，请刷新页面后重试。" },
  403: { title: "请求来源不符", text: "请求来源与本系统地址不符，已拒绝。请直接从本系统的页面操作。" },
} as const;

export type GuardStatus = keyof typeof MESSAGES;

/** A small Chinese page for the refusal (readable in a browser, and by scripts as text). */
export function refusalPage(status: GuardStatus): string {
  const { title, text } = MESSAGES[status];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p><p>错误代码 ${status}</p></body></html>`;
}

export function refusalResponse(status: GuardStatus): Response {
  return new Response(refusalPage(status), { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/** %00–%1F and %7F in the path: a NUL byte or a control character is never part of an id or a page address. */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

type GuardRequest = { method: string; url: string; headers: { get(name: string): string | null }; text(): Promise<string> };

/** The status to refuse the request with, or null to let it through. */
export async function requestProblem(request: GuardRequest): Promise<GuardStatus | null> {
  if (request.url.length > MAX_URL_LENGTH) return 414;
  const url = new URL(request.url);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (ENCODED_CONTROL.test(url.pathname) || /[\u0000-\u001f\u007f]/.test(url.pathname)) return 400;
  if (request.method === "POST" && request.headers.get("next-action") !== null) {
    // Next.js refuses a foreign Origin itself, but with a 500: the same check, answered as what it is.
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() ?? request.headers.get("host");
    if (origin && origin !== "null") {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        return 403;
      }
      if (!host || originHost !== host) return 403;
    } else if (origin === "null") return 403;
    // A hand-made body that is not what React's encodeReply sends (a JSON text) fails in decodeReply with a 500.
    const type = request.headers.get("content-type") ?? "";
    const length = Number(request.headers.get("content-length") ?? "0");
    if (!type.startsWith("multipart/form-data") && length <= MAX_CHECKED_ACTION_BODY) {
      const body = await request.text();
      try {
        JSON.parse(body);
      } catch {
        return 400;
      }
    }
  }
  return null;
}
