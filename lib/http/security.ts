/**
 * Pure decisions behind the proxy's headers, kept here so they are unit-tested without a server.
 */

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; no inline script runs without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request must come from our own pages. Browsers send Sec-Fetch-Site on every
 * request and Origin on every POST; either one naming another site is enough to refuse.
 */
export function isCrossSiteWrite(request: { method: string; headers: Headers }): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" or a malformed Origin
  }
}

/**
 * Next's error pages are rendered when something fails, never asked for: requested by their own address,
 * `/_global-error` answers 500. Such a request is for a page that does not exist.
 */
export function isFrameworkErrorPage(pathname: string): boolean {
  return /^\/_(global-error|not-found)\/?$/i.test(pathname);
}

/** Where the pages behind sign-in live. */
export const PRIVATE_PATH_PREFIXES = ["/staff", "/admin", "/audit", "/account", "/start"] as const;

/** Pages behind sign-in: never stored by the browser or a shared cache. */
export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)) || pathname.startsWith("/api/auth");
}
