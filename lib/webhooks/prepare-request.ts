// A webhook delivery as it leaves: signed at send time (Standard Webhooks:
// webhook-id, webhook-timestamp, webhook-signature), so a retry an hour later
// carries a fresh timestamp that receivers accept.
import { Webhook as StandardWebhook } from "standardwebhooks";
import { prisma } from "../db";
import { secretKey } from "../env";
import { PermanentDeliveryError } from "../outbox/retry-policy";
import type { HttpRequest } from "../outbox/transport";
import { openSecret } from "./secret-box";

/** Throws PermanentDeliveryError when the webhook was disabled or deleted since the event was queued. */
export async function prepareWebhookRequest(
  messageId: string,
  request: HttpRequest & { webhook: { id: string; event: string } },
): Promise<HttpRequest> {
  const webhook = await prisma.webhook.findUnique({
    where: { id: request.webhook.id },
    select: { secret: true, format: true, isEnabled: true },
  });
  if (!webhook?.isEnabled) throw new PermanentDeliveryError("The webhook was disabled or deleted before this delivery.");
  if (webhook.format !== "statuspage") return request;
  const secret = openSecret(webhook.secret, secretKey("webhooks"));
  if (!secret) {
    throw new PermanentDeliveryError(
      "The webhook's signing secret was sealed under another AUTH_SECRET. Remove the webhook, add it again and give the receiver its new secret.",
    );
  }
  const timestamp = new Date();
  const signature = new StandardWebhook(secret).sign(messageId, timestamp, request.body);
  return {
    ...request,
    headers: {
      ...request.headers,
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signature,
    },
  };
}
