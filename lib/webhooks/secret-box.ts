// Webhook signing secrets at rest. Candor must read a secret back to sign
// each delivery, so it cannot be hashed like the link tokens: it is sealed
// with AES-256-GCM under the key derived from AUTH_SECRET for webhooks. A
// copy of the database alone (a backup, a replica) no longer lets anyone
// sign events that receivers would take for Candor's.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const SEALED = "v1.";
/** How Standard Webhooks secrets begin; rows written before sealing hold them as they are. */
const PLAIN = "whsec_";

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED);
}

/** "v1.<iv>.<ciphertext>.<tag>", base64url: 94 characters for a Candor secret. */
export function sealSecret(secret: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(key, "base64url"), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED + [iv, sealed, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

/**
 * The secret; a plain one from before sealing as it is; null when it was
 * sealed under another key (AUTH_SECRET changed) or is damaged.
 */
export function openSecret(stored: string, key: string): string | null {
  if (stored.startsWith(PLAIN)) return stored;
  if (!isSealed(stored)) return null;
  const [iv, sealed, tag, ...rest] = stored
    .slice(SEALED.length)
    .split(".")
    .map((part) => Buffer.from(part, "base64url"));
  if (!iv || !sealed || !tag || rest.length || iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(key, "base64url"), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
