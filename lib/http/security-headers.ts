// The security headers on every response Next.js sends (through proxy.ts),
// cached public ones included. Pure: the path and the environment decide.

/** Pages only operators use: never in a frame, scripts and styles from Candor only. */
const PRIVATE_PREFIXES = ["/admin", "/sign-in", "/setup", "/invite"];

export interface SecurityHeaderOptions {
  /** PUBLIC_URL: HSTS only when people reach Candor over https. */
  publicUrl: string;
  /** CANDOR_FRAME_ANCESTORS: origins that may frame the public pages; empty means none. */
  frameAncestors: string[];
  isDevelopment?: boolean;
}

function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function privatePolicy(isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    // Next.js writes inline scripts for hydration; development also needs eval.
    `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Email previews (sandboxed srcdoc frames) may show remote images.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(pathname: string, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
  };
  if (options.publicUrl.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (isPrivatePath(pathname)) {
    headers["Content-Security-Policy"] = privatePolicy(options.isDevelopment ?? false);
    headers["X-Frame-Options"] = "DENY";
  } else if (options.frameAncestors.length) {
    headers["Content-Security-Policy"] = `frame-ancestors 'self' ${options.frameAncestors.join(" ")}`;
  } else {
    headers["Content-Security-Policy"] = "frame-ancestors 'none'";
    headers["X-Frame-Options"] = "DENY";
  }
  return headers;
}
