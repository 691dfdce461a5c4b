// Unsubscribe links that need no sign-in: the address and an HMAC of it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";

function secret(): string {
  const env = getEnv();
  return env.AUTH_SECRET ?? env.CANDOR_EMBEDDED_AUTH_SECRET ?? "candor-unsubscribe-development-secret";
}

function sign(email: string): string {
  return createHmac("sha256", secret()).update(`unsubscribe:${email.toLowerCase()}`).digest("base64url").slice(0, 32);
}

function query(email: string): string {
  return `a=${Buffer.from(email.toLowerCase()).toString("base64url")}&t=${sign(email)}`;
}

/** The link in the message: a page that asks before unsubscribing. */
export function unsubscribeUrl(publicUrl: string, email: string): string {
  return `${publicUrl}/unsubscribe?${query(email)}`;
}

/** The List-Unsubscribe header's target: mail clients POST "List-Unsubscribe=One-Click" to it (RFC 8058). */
export function oneClickUnsubscribeUrl(publicUrl: string, email: string): string {
  return `${publicUrl}/api/unsubscribe?${query(email)}`;
}

/** The address a link names, or null when the link was not made by this Candor. */
export function verifyUnsubscribe(address: string, token: string): string | null {
  let email: string;
  try {
    email = Buffer.from(address, "base64url").toString("utf8");
  } catch {
    return null;
  }
  if (!email.includes("@") || email.length > 254) return null;
  const expected = Buffer.from(sign(email));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? email : null;
}
