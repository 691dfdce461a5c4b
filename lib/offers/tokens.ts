// The tokens of the response links. The link's token is 256 bits from Node's
// CSPRNG (made when the offer is sent, see send-offer.ts); only its SHA-256 is
// kept on the response row. The form token proves that a POST comes
// from the page Candor rendered for that link (CSRF): an HMAC of the link's
// hash under the offers key, so it needs no storage.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { secretKey } from "../env";

/** 64 hex characters: 32 random bytes. */
const TOKEN_SHAPE = /^[0-9a-f]{64}$/;

export function newToken(): string {
  return randomBytes(32).toString("hex");
}

export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function formTokenFor(tokenHash: string): string {
  return createHmac("sha256", secretKey("offers")).update(`offer-form:${tokenHash}`).digest("base64url");
}

export function isFormToken(tokenHash: string, sent: string): boolean {
  const [expected, given] = [Buffer.from(formTokenFor(tokenHash)), Buffer.from(sent)];
  return expected.length === given.length && timingSafeEqual(expected, given);
}
