// The better-auth endpoints Candor serves over HTTP. Candor's own pages call
// better-auth on the server (sign-in after setup and invitations, sessions,
// sign-out); the browser needs only these. Everything else better-auth
// offers (update-user, change-email, list-sessions, …) would bypass Candor's
// rules and audit log, so it answers 404.
const EXPOSED = new Set(["/sign-in/email", "/get-session", "/sign-out"]);
const PREFIX = "/api/auth";

export function isExposedAuthPath(pathname: string): boolean {
  return pathname.startsWith(`${PREFIX}/`) && EXPOSED.has(pathname.slice(PREFIX.length).replace(/\/+$/, ""));
}
