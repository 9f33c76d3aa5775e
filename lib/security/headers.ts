// The security headers of every page (proxy.ts): a Content-Security-Policy whose scripts need the
// request's nonce, no framing, HSTS when the site is served over TLS. Pure, so a unit test reads it.

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; tls?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonced scripts load are trusted, nothing injected is.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (widths of progress bars, chart bars): they need 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.tls ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** One year, once TLS is in front; never over plain HTTP (a browser would then refuse the site). */
export const HSTS = "max-age=31536000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
