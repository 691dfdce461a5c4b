// Adding, testing, enabling and removing webhooks (admins only; audited).
import { randomBytes, randomUUID } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { prisma } from "../db";
import { getEnv, secretKey } from "../env";
import { NotFoundError, ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { detectFormat } from "./formats";
import { isPrivateAddress } from "./private-address";
import { queueWebhookEvent } from "./queue-event";
import { sealSecret } from "./secret-box";
import type { AddWebhookInput } from "./schemas";

/**
 * Refuses a URL whose host resolves to a private or loopback address (unless
 * CANDOR_WEBHOOKS_ALLOW_PRIVATE=1). Checked again on every delivery, at
 * connect time: a name may resolve differently later.
 */
async function assertDeliverable(url: URL): Promise<void> {
  if (getEnv().CANDOR_WEBHOOKS_ALLOW_PRIVATE) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw new ValidationError("That host name does not resolve.", { url: [`${host} was not found in DNS. Check the URL.`] });
  }
  const refused = addresses.find(isPrivateAddress);
  if (refused)
    throw new ValidationError("That URL points to a private address.", {
      url: [`${host} resolves to ${refused}, a private or loopback address. Use a public URL.`],
    });
}

/** Returns the signing secret, shown to the admin once. */
export async function addWebhook(actor: AuditActor, input: AddWebhookInput): Promise<{ id: string; secret: string }> {
  const url = new URL(input.url);
  await assertDeliverable(url);
  const format = detectFormat(url);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.create({
      data: { url: url.toString(), format, secret: sealSecret(secret, secretKey("webhooks")), createdById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "webhook.added",
      entityType: "webhook",
      entityId: webhook.id,
      after: { url: webhook.url, format },
    });
    return { id: webhook.id, secret };
  });
}

/** Queues a test event to one webhook, through the outbox like any other. */
export async function sendTestEvent(actor: AuditActor, input: { webhookId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const webhook = await tx.webhook.findUnique({ where: { id: input.webhookId }, select: { id: true, isEnabled: true } });
    if (!webhook) throw new NotFoundError("That webhook no longer exists.");
    if (!webhook.isEnabled) throw new ValidationError("Enable the webhook before sending a test event.");
    await queueWebhookEvent(tx, { event: "test", dispatchId: randomUUID(), webhookId: webhook.id });
    await recordAudit(tx, actor, { action: "webhook.tested", entityType: "webhook", entityId: webhook.id });
  });
}

/** Enables (resetting the failure count) or disables a webhook. */
export async function setWebhookEnabled(actor: AuditActor, input: { webhookId: string; isEnabled: boolean }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.webhook.updateMany({
      where: { id: input.webhookId },
      data: input.isEnabled ? { isEnabled: true, consecutiveFailures: 0, disabledAt: null } : { isEnabled: false, disabledAt: new Date() },
    });
    if (updated.count === 0) throw new NotFoundError("That webhook no longer exists.");
    await recordAudit(tx, actor, {
      action: input.isEnabled ? "webhook.enabled" : "webhook.disabled",
      entityType: "webhook",
      entityId: input.webhookId,
    });
  });
}

export async function removeWebhook(actor: AuditActor, input: { webhookId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const removed = await tx.webhook.deleteMany({ where: { id: input.webhookId } });
    if (removed.count === 0) throw new NotFoundError("That webhook no longer exists.");
    await recordAudit(tx, actor, { action: "webhook.removed", entityType: "webhook", entityId: input.webhookId });
  });
}
