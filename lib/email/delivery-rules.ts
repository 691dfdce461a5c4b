// How the outbox treats a send's outcome, and the identity of each message. Pure.
import { createHash } from "node:crypto";

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 15_000;
const LONGEST_RETRY_MS = 30 * 60_000;

/** 15 s, 30 s, 1 min, 2 min… up to 30 min, after the given (1-based) failed attempt. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS);
}

export type SendFailure = { kind: "transient" | "permanent"; reason: string };

/**
 * SMTP 5xx (and a refused recipient) is permanent: retrying cannot help.
 * Network errors and SMTP 4xx are transient.
 */
export function classifySendError(error: unknown): SendFailure {
  const details = error as { responseCode?: number; response?: string; code?: string; message?: string } | null;
  const reason = (details?.response || details?.message || String(error)).slice(0, 500);
  const code = details?.responseCode;
  if (typeof code === "number" && code >= 500 && code < 600) return { kind: "permanent", reason };
  return { kind: "transient", reason };
}

/** The same (campaign, recipient) always gets the same Message-ID, so a resend after a crash is recognisable. */
export function messageIdFor(campaignId: string, email: string, domain: string): string {
  const recipient = createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 20);
  return `<${campaignId}.${recipient}@${domain}>`;
}

/** `"Leavely Status" <status@…>`: the page's name as the sender's display name (quoted; no line breaks can slip in). */
export function senderHeader(name: string, address: string): string {
  const quoted = name.replace(/[\r\n]+/g, " ").replace(/[\\"]/g, (character) => `\\${character}`);
  return `"${quoted}" <${address}>`;
}
