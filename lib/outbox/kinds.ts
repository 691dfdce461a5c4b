// The kinds of dispatch the one outbox carries. A new kind of outbound message
// (subscriber notices, make-good offers, billing calls) is a
// line here and an enqueue call in its domain's transaction, not a new queue.
// Pure: no database.
import { z } from "zod";
import type { Channel } from "./retry-policy";

/** Claimed in this order (lower first), so notices never wait behind bulk mail. */
export const PRIORITY = { urgent: 0, normal: 50, bulk: 100 } as const;

export const DISPATCH_KINDS = {
  /** A campaign's email, personalised per recipient from the compiled campaign (lib/campaigns). */
  campaign: { channel: "email", priority: PRIORITY.bulk },
  /** A ready-made email to one person: incident and maintenance notices, confirmations. */
  notice: { channel: "email", priority: PRIORITY.urgent },
  /** A notice to one subscriber, personalised when sent from its compiled notice (lib/subscribers). */
  subscriber_notice: { channel: "email", priority: PRIORITY.urgent },
  /** A signed HTTP POST to a subscriber's endpoint. */
  webhook: { channel: "http", priority: PRIORITY.urgent },
  /** A push of the static mirror to its bucket, queued by a trigger on every public change (lib/mirror). */
  "mirror-push": { channel: "mirror", priority: PRIORITY.urgent },
  /** A credit on a customer's Stripe balance for an accepted make-good offer (lib/offers/stripe-credits.ts). */
  stripe_credit: { channel: "http", priority: PRIORITY.normal },
} as const satisfies Record<string, { channel: Channel; priority: number }>;

/** The payload of a ready-made email (every kind but campaign). */
export const emailPayloadSchema = z.object({
  subject: z.string().min(1).max(300),
  html: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
});
export type EmailPayload = z.input<typeof emailPayloadSchema>;

/** The payload of a subscriber notice's row: whose links to put in it. */
export const subscriberNoticePayloadSchema = z.object({ subscriberId: z.string().min(1) });

/** The payload of an HTTP delivery. */
export const httpPayloadSchema = z.object({
  method: z.enum(["POST", "PUT"]).default("POST"),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string(),
  /** A webhook's delivery: signed (or shaped for chat) when sent, and logged per webhook. */
  webhook: z.object({ id: z.string().min(1), event: z.string().min(1) }).optional(),
});
export type HttpPayload = z.input<typeof httpPayloadSchema>;
