// What a subscriber does from their links, without signing in: confirm,
// choose components, unsubscribe. A token that matches nothing gets the same
// NotFoundError whether it was tampered with, expired or never existed.
import { prisma } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { PreferencesInput } from "./schemas";
import { hashToken, isWellFormedToken, manageTokenFor } from "./tokens";

const NOT_VALID = "This link is not valid or has expired. Subscribe again from the status page to get a new one.";

export interface SubscriptionView {
  email: string;
  state: "pending" | "confirmed" | "unsubscribed" | "bounced";
  allComponents: boolean;
  componentIds: string[];
}

/** The subscription a preferences link names. Throws NotFoundError for any other token. */
export async function getSubscriptionByToken(token: unknown): Promise<SubscriptionView> {
  if (!isWellFormedToken(token)) throw new NotFoundError(NOT_VALID);
  const subscriber = await prisma.subscriber.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: { components: { select: { componentId: true } } },
  });
  if (!subscriber) throw new NotFoundError(NOT_VALID);
  return {
    email: subscriber.email,
    state: subscriber.state.toLowerCase() as SubscriptionView["state"],
    allComponents: subscriber.allComponents,
    componentIds: subscriber.components.map((link) => link.componentId),
  };
}

/**
 * Confirms the subscription a confirmation link names (within 48 h) and
 * returns its preferences token, for the page to go on to. Idempotent within
 * a request: the token is spent by the first confirmation.
 */
export async function confirmSubscription(token: unknown, now = new Date()): Promise<{ manageToken: string }> {
  if (!isWellFormedToken(token)) throw new NotFoundError(NOT_VALID);
  return prisma.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.findUnique({ where: { confirmTokenHash: hashToken(token) } });
    if (!subscriber || subscriber.state !== "PENDING" || !subscriber.confirmExpiresAt || subscriber.confirmExpiresAt < now)
      throw new NotFoundError(NOT_VALID);
    await tx.subscriber.update({
      where: { id: subscriber.id },
      data: { state: "CONFIRMED", confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, unsubscribedAt: null, bouncedAt: null },
    });
    await recordAudit(tx, null, { action: "subscriber.confirmed", entityType: "subscriber", entityId: subscriber.id });
    return { manageToken: manageTokenFor(subscriber.id) };
  });
}

/** Replaces the components a subscriber follows (none chosen: all). Resubscribes one who had unsubscribed. */
export async function updatePreferences(token: unknown, input: PreferencesInput): Promise<void> {
  if (!isWellFormedToken(token)) throw new NotFoundError(NOT_VALID);
  const componentIds = [...new Set(input.componentIds)];
  await prisma.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.findUnique({ where: { manageTokenHash: hashToken(token) } });
    if (!subscriber) throw new NotFoundError(NOT_VALID);
    if (subscriber.state === "PENDING") throw new ValidationError("Confirm your subscription first, with the link in the email we sent.");
    if (componentIds.length) {
      const found = await tx.component.count({ where: { id: { in: componentIds }, isVisible: true } });
      if (found !== componentIds.length)
        throw new ValidationError("A chosen component does not exist.", { componentIds: ["Reload the page and choose again."] });
    }
    await tx.subscriberComponent.deleteMany({ where: { subscriberId: subscriber.id } });
    if (componentIds.length)
      await tx.subscriberComponent.createMany({ data: componentIds.map((componentId) => ({ subscriberId: subscriber.id, componentId })) });
    await tx.subscriber.update({
      where: { id: subscriber.id },
      data: { allComponents: componentIds.length === 0, state: "CONFIRMED", unsubscribedAt: null },
    });
    await recordAudit(tx, null, {
      action: "subscriber.preferences_changed",
      entityType: "subscriber",
      entityId: subscriber.id,
      after: { componentIds, resubscribed: subscriber.state !== "CONFIRMED" },
    });
  });
}

/** Unsubscribes the subscriber a preferences link names. Idempotent. */
export async function unsubscribeByToken(token: unknown, via: "link" | "one-click"): Promise<{ email: string }> {
  if (!isWellFormedToken(token)) throw new NotFoundError(NOT_VALID);
  const subscriber = await prisma.subscriber.findUnique({ where: { manageTokenHash: hashToken(token) }, select: { email: true } });
  if (!subscriber) throw new NotFoundError(NOT_VALID);
  await unsubscribeSubscriber(subscriber.email, via);
  return { email: subscriber.email };
}

/**
 * Stops every notice to `email` (the RFC 8058 one-click route and the
 * customers' unsubscribe page call this too). True when it was a subscriber.
 */
export async function unsubscribeSubscriber(email: string, via: "link" | "one-click"): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, state: true } });
    if (!subscriber) return false;
    if (subscriber.state !== "UNSUBSCRIBED") {
      await tx.subscriber.update({
        where: { id: subscriber.id },
        data: { state: "UNSUBSCRIBED", unsubscribedAt: new Date(), confirmTokenHash: null },
      });
      await recordAudit(tx, null, { action: "subscriber.unsubscribed", entityType: "subscriber", entityId: subscriber.id, after: { via } });
    }
    return true;
  });
}
