// The identity of each email message. Pure. (Retries: lib/outbox/retry-policy.ts.)
import { createHash } from "node:crypto";

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
