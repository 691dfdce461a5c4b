// The tokens in subscribers' links. The confirmation token is random and sent
// once; the preferences token is an HMAC of the subscriber's id, so every
// notice can carry it without the database keeping it: only its SHA-256 is
// stored, to find the subscriber from a link.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { secretKey } from "../env";

/** How long a confirmation link works; an unconfirmed address is forgotten after it. */
export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** The preferences token of a subscriber: stable, unguessable without Candor's secret. */
export function manageTokenFor(subscriberId: string, key = secretKey("subscribers")): string {
  return createHmac("sha256", key).update(`manage:${subscriberId}`).digest("base64url");
}

/** A token as it may arrive from a link: base64url, 43 characters. Anything else is refused before any lookup. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function manageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/subscription?token=${token}`;
}

export function confirmUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/subscription?confirm=${token}`;
}
