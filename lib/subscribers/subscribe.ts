import { createHash, randomUUID } from "node:crypto";
import { prisma } from "../db";
import { isUniqueViolation, RateLimitedError, ValidationError } from "../errors";
import type { Branding } from "../email/templates";
import { enqueueEmail } from "../outbox/enqueue";
import { alreadySubscribedMessage, confirmationMessage, readBranding } from "./messages";
import { hitRateLimit, type RateRule } from "./rate-limit";
import type { SubscribeInput } from "./schemas";
import { CONFIRM_TTL_MS, confirmUrl, manageTokenFor, manageUrl, newConfirmToken, hashToken } from "./tokens";

/** Per client address: enough for a family behind one router, not for a script. */
export const SUBSCRIBE_PER_ADDRESS: RateRule = { max: 10, windowMs: 60 * 60 * 1000 };
/** Per email: a confirmation email an hour at most, so nobody can flood someone's inbox. */
export const SUBSCRIBE_PER_EMAIL: RateRule = { max: 3, windowMs: 60 * 60 * 1000 };

/**
 * Asks `email` to confirm a subscription (double opt-in). Whatever the
 * address's state, the caller learns nothing: the answer is the same, and
 * only the address's owner learns more, by email (a confirmation, or "you
 * are already subscribed" with their preferences link). Throws
 * ValidationError for an unknown component and RateLimitedError past either
 * limit; otherwise queues exactly one email in the same transaction.
 */
export async function subscribe(input: SubscribeInput & { clientIp: string }, now = new Date()): Promise<void> {
  const componentIds = [...new Set(input.componentIds)];
  if (componentIds.length) {
    const found = await prisma.component.count({ where: { id: { in: componentIds }, isVisible: true } });
    if (found !== componentIds.length)
      throw new ValidationError("A chosen component does not exist.", {
        componentIds: ["A chosen component is not on this page any more. Reload the page and choose again."],
      });
  }
  await enforceLimit(`subscribe:ip:${input.clientIp}`, SUBSCRIBE_PER_ADDRESS, now);
  const email = input.email.trim().toLowerCase();
  await enforceLimit(`subscribe:email:${createHash("sha256").update(email).digest("hex")}`, SUBSCRIBE_PER_EMAIL, now);
  const branding = await readBranding();
  try {
    await queueConfirmation(email, componentIds, branding, now);
  } catch (error) {
    // The same address sent twice at once: the other request queued its email.
    if (!isUniqueViolation(error)) throw error;
  }
}

async function queueConfirmation(email: string, componentIds: string[], branding: Branding, now: Date): Promise<void> {
  const input = { email };
  await prisma.$transaction(async (tx) => {
    // Forget addresses that never confirmed within 48 h.
    await tx.subscriber.deleteMany({ where: { state: "PENDING", confirmExpiresAt: { lt: now } } });
    const existing = await tx.subscriber.findUnique({ where: { email: input.email }, select: { id: true, state: true } });
    if (existing?.state === "CONFIRMED") {
      const message = await alreadySubscribedMessage(branding, manageUrl(branding.publicUrl, manageTokenFor(existing.id)));
      await enqueueEmail(tx, {
        kind: "notice",
        dispatchId: `subscriber.reminder:${existing.id}:${now.getTime()}`,
        to: input.email,
        ...message,
      });
      return;
    }
    const confirm = newConfirmToken();
    const choice = {
      state: "PENDING" as const,
      allComponents: componentIds.length === 0,
      confirmTokenHash: confirm.hash,
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_TTL_MS),
    };
    const id = existing?.id ?? randomUUID();
    const subscriber = existing
      ? await tx.subscriber.update({ where: { id }, data: choice })
      : await tx.subscriber.create({ data: { id, email: input.email, manageTokenHash: hashToken(manageTokenFor(id)), ...choice } });
    await tx.subscriberComponent.deleteMany({ where: { subscriberId: subscriber.id } });
    if (componentIds.length)
      await tx.subscriberComponent.createMany({ data: componentIds.map((componentId) => ({ subscriberId: subscriber.id, componentId })) });
    const message = await confirmationMessage(branding, confirmUrl(branding.publicUrl, confirm.token));
    await enqueueEmail(tx, { kind: "notice", dispatchId: `subscriber.confirm:${confirm.hash.slice(0, 32)}`, to: input.email, ...message });
  });
}

async function enforceLimit(key: string, rule: RateRule, now: Date): Promise<void> {
  const decision = await hitRateLimit(key, rule, now.getTime());
  if (!decision.isAllowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new RateLimitedError(`Too many subscription requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}
