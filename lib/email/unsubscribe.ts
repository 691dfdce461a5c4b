// Unsubscribe links that need no sign-in: the address and an HMAC of it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv, secretKey } from "../env";

function sign(email: string, key = secretKey("unsubscribe")): string {
  return createHmac("sha256", key).update(`unsubscribe:${email.toLowerCase()}`).digest("base64url").slice(0, 32);
}

/**
 * Links in messages sent before keys were derived per purpose were signed
 * with the secret itself; they keep working (the law expects an unsubscribe
 * link to work for a while), but no new link is made with it.
 */
function legacySignature(email: string): string | null {
  const env = getEnv();
  const secret = env.AUTH_SECRET ?? env.CANDOR_EMBEDDED_AUTH_SECRET;
  return secret ? sign(email, secret) : null;
}

function isSignature(expected: string | null, token: string): boolean {
  if (!expected) return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function query(email: string): string {
  return `a=${Buffer.from(email.toLowerCase()).toString("base64url")}&t=${sign(email)}`;
}

/** The link in the message: a page that asks before unsubscribing. */
export function unsubscribeUrl(publicUrl: string, email: string): string {
  return `${publicUrl}/unsubscribe?${query(email)}`;
}

/**
 * The link in previews and test sends: it unsubscribes no one. Those copies
 * are read by operators who may not send campaigns (viewers) and by the
 * operator's own inbox, so they must not carry a recipient's signed link.
 */
export function sampleUnsubscribeUrl(publicUrl: string): string {
  return `${publicUrl}/unsubscribe?sample=1`;
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
  return isSignature(sign(email), token) || isSignature(legacySignature(email), token) ? email : null;
}
