// Turns a claimed outbox row into what goes out: a campaign row is
// personalised from its campaign's compiled message; every other kind carries
// its message in the row.
import { z } from "zod";
import { prisma } from "../db";
import { getPageSettings } from "../settings/queries";
import { messageIdFor, senderHeader } from "../email/delivery-rules";
import { recipientValues, type RecipientFields } from "../email/personalise";
import { personaliseMessage, type CompiledMessage } from "../email/templates";
import { oneClickUnsubscribeUrl, unsubscribeUrl } from "../email/unsubscribe";
import { escapeHtml } from "../email/personalise";
import { fillOfferSlots, offerFieldsOf } from "../offers/offer-email";
import type { StripeCredit } from "../offers/stripe-credits";
import { manageTokenFor, manageUrl } from "../subscribers/tokens";
import { prepareWebhookRequest } from "../webhooks/prepare-request";
import { emailPayloadSchema, httpPayloadSchema, subscriberNoticePayloadSchema } from "./kinds";

const stripeCreditSchema = z.object({ offerId: z.string().min(1), customerId: z.string().min(1) });
import { senderAddress, type HttpRequest, type OutgoingMessage } from "./transport";

export interface ClaimedRow {
  id: bigint;
  kind: string;
  dispatch_id: string;
  campaign_id: string | null;
  channel: "email" | "http" | "mirror";
  priority: number;
  customer_id: string | null;
  recipient: string;
  payload: unknown;
  attempts: number;
}

export type Delivery =
  | { channel: "email"; message: OutgoingMessage }
  | { channel: "http"; request: HttpRequest }
  /** forVersion: the public version a change queued it for; null for "push now". */
  | { channel: "mirror"; forVersion: bigint | null }
  /** Sent through Stripe's SDK rather than a plain HTTP request (lib/offers/stripe-credits.ts). */
  | { channel: "stripe"; credit: StripeCredit };

const SETTINGS_TTL_MS = 60_000;

/** The page's settings a message needs: links point at its public URL; the sender is named after the page. */
interface SenderSettings {
  publicUrl: string;
  pageName: string;
}

/** One per worker: caches each campaign's compiled message and the page's public URL and name. */
export class DeliveryPreparer {
  readonly #campaigns = new Map<string, Promise<CompiledMessage>>();
  readonly #notices = new Map<string, Promise<CompiledMessage>>();
  #settings: { value: Promise<SenderSettings>; at: number } | null = null;

  async prepare(row: ClaimedRow): Promise<Delivery> {
    if (row.channel === "mirror") return { channel: "mirror", forVersion: /^\d+$/.test(row.dispatch_id) ? BigInt(row.dispatch_id) : null };
    if (row.kind === "stripe_credit") return { channel: "stripe", credit: stripeCreditSchema.parse(row.payload) };
    if (row.channel === "http") {
      const { webhook, ...request } = httpPayloadSchema.parse(row.payload);
      if (webhook)
        return { channel: "http", request: await prepareWebhookRequest(`msg_${row.id}`, { url: row.recipient, ...request, webhook }) };
      return { channel: "http", request: { url: row.recipient, ...request } };
    }
    const { publicUrl, pageName } = await this.#readSettings();
    const from = senderHeader(pageName, senderAddress(publicUrl));
    const domain = new URL(publicUrl).hostname;
    if (row.kind === "campaign" && row.campaign_id) {
      const personalised = personaliseMessage(
        await this.#campaign(row.campaign_id),
        recipientValues({ ...(row.payload as RecipientFields), email: row.recipient }),
        unsubscribeUrl(publicUrl, row.recipient),
      );
      // A make-good offer's row also carries the customer's own link and amounts.
      const offer = offerFieldsOf(row.payload);
      const copy = offer ? fillOfferSlots(personalised, offer, publicUrl) : personalised;
      return {
        channel: "email",
        message: {
          from,
          to: row.recipient,
          subject: copy.subject,
          html: copy.html,
          text: copy.text,
          messageId: messageIdFor(row.campaign_id, row.recipient, domain),
          campaignId: row.campaign_id,
          headers: {
            "List-Unsubscribe": `<${oneClickUnsubscribeUrl(publicUrl, row.recipient)}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Candor-Campaign": row.campaign_id,
          },
        },
      };
    }
    if (row.kind === "subscriber_notice") return { channel: "email", message: await this.#subscriberNotice(row, publicUrl, from, domain) };
    const email = emailPayloadSchema.parse(row.payload);
    return {
      channel: "email",
      message: {
        from,
        to: row.recipient,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: messageIdFor(`${row.kind}.${row.dispatch_id}`, row.recipient, domain),
        headers: { ...email.headers, "X-Candor-Dispatch": `${row.kind}:${row.dispatch_id}` },
      },
    };
  }

  /** A notice's copy for one subscriber: their preferences link in the body, the one-click link in the header (RFC 8058). */
  async #subscriberNotice(row: ClaimedRow, publicUrl: string, from: string, domain: string): Promise<OutgoingMessage> {
    const { subscriberId } = subscriberNoticePayloadSchema.parse(row.payload);
    const notice = await this.#notice(row.dispatch_id);
    const preferences = manageUrl(publicUrl, manageTokenFor(subscriberId));
    return {
      from,
      to: row.recipient,
      subject: notice.subject,
      html: notice.html.replaceAll("{{unsubscribe_url}}", escapeHtml(preferences)),
      text: notice.text.replaceAll("{{unsubscribe_url}}", preferences),
      messageId: messageIdFor(`${row.kind}.${row.dispatch_id}`, row.recipient, domain),
      headers: {
        "List-Unsubscribe": `<${oneClickUnsubscribeUrl(publicUrl, row.recipient)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Candor-Dispatch": `${row.kind}:${row.dispatch_id}`,
      },
    };
  }

  #notice(id: string): Promise<CompiledMessage> {
    let copy = this.#notices.get(id);
    if (!copy) {
      copy = prisma.subscriberNotice.findUniqueOrThrow({ where: { id }, select: { subject: true, html: true, text: true } });
      copy.catch(() => this.#notices.delete(id));
      this.#notices.set(id, copy);
    }
    return copy;
  }

  #readSettings(): Promise<SenderSettings> {
    if (!this.#settings || performance.now() - this.#settings.at > SETTINGS_TTL_MS) {
      const value = getPageSettings().then((settings) => ({ publicUrl: settings.effectivePublicUrl, pageName: settings.pageName }));
      value.catch(() => (this.#settings = null));
      this.#settings = { value, at: performance.now() };
    }
    return this.#settings.value;
  }

  #campaign(id: string): Promise<CompiledMessage> {
    let copy = this.#campaigns.get(id);
    if (!copy) {
      copy = prisma.campaign.findUniqueOrThrow({ where: { id }, select: { subject: true, html: true, text: true } }).then((campaign) => {
        if (campaign.html === null || campaign.text === null) throw new Error(`Campaign ${id} was queued without its compiled message`);
        return { subject: campaign.subject, html: campaign.html, text: campaign.text };
      });
      copy.catch(() => this.#campaigns.delete(id));
      this.#campaigns.set(id, copy);
    }
    return copy;
  }
}
