// Runs before every page: refuses malformed requests, then a fresh CSP nonce per request (Next.js puts it on its own scripts), and HSTS once
// TLS is in front. Static files, the probes and script-called server actions skip it (see the matcher).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce } from "@/lib/security/headers";
import { refusalResponse, requestProblem } from "@/lib/security/request-guard";

export async function proxy(request: NextRequest) {
  // Over-long addresses, control characters in the path, foreign or malformed server-action posts: a clear
  // status and a Chinese page instead of Next's 500 (lib/security/request-guard.ts). The body is read from a clone.
  const problem = await requestProblem({ method: request.method, url: request.url, headers: request.headers, text: () => request.clone().text() });
  if (problem) return refusalResponse(problem);
  const nonce = newNonce();
  const tls = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", tls });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (tls) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-icon.png|api/health|api/ready).*)",
      // A server action called by the page's script answers React's flight format, not a page: no nonce to give, and
      // the proxy's runtime was a tenth of its cost. The production server runs the guard's action checks itself
      // (scripts/server.ts, decision 0113). A form posted without script (no Next-Action header) still comes here.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
