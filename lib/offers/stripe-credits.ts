// Accepted credits applied in Stripe: one customer balance transaction per
// accepted response whose customer has a Stripe customer id, sent by the
// outbox worker (never in the request), with an idempotency key per (offer,
// customer) so no retry credits twice. The result, the transaction's id or
// Stripe's error, is stored on the response row.
import Stripe from "stripe";
import { prisma } from "../db";
import { getEnv } from "../env";
import { HttpStatusError } from "../outbox/retry-policy";
import { creditIndexOf, storedChoicesSchema } from "./choices";

export interface StripeCredit {
  offerId: string;
  customerId: string;
}

export interface StripeCreditSender {
  /** Resolves with the balance transaction's id; rejects with HttpStatusError for Stripe's 4xx/5xx, or a network error. */
  send(credit: StripeCredit): Promise<string>;
}

/** Where the SDK sends requests: Stripe's API by default; a local server in the contract test. */
export interface StripeEndpoint {
  apiKey?: string;
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  timeoutMs?: number;
}

export function idempotencyKeyFor(credit: StripeCredit): string {
  return `candor-offer-${credit.offerId}-${credit.customerId}`;
}

/** The request for one credit, read when it is sent: an answer changed since queuing is honoured. */
async function loadCredit(credit: StripeCredit) {
  const response = await prisma.offerResponse.findUnique({
    where: { offerId_customerId: { offerId: credit.offerId, customerId: credit.customerId } },
    include: { customer: { select: { stripeCustomerId: true } }, offer: { include: { incident: { select: { id: true, title: true } } } } },
  });
  const choices = response ? storedChoicesSchema.parse(response.offer.choices) : [];
  if (!response || response.amount === null || creditIndexOf(response.choice ?? "", choices.length) === null)
    throw new HttpStatusError(422, "the customer no longer accepts a credit");
  if (!response.customer.stripeCustomerId) throw new HttpStatusError(422, "the customer has no Stripe customer id");
  return { response, stripeCustomerId: response.customer.stripeCustomerId, incident: response.offer.incident };
}

async function recordResult(credit: StripeCredit, result: { transactionId: string } | { error: string }): Promise<void> {
  await prisma.offerResponse.update({
    where: { offerId_customerId: { offerId: credit.offerId, customerId: credit.customerId } },
    data:
      "transactionId" in result
        ? { billingReference: result.transactionId, creditedAt: new Date(), stripeError: null }
        : { stripeError: result.error.slice(0, 500) },
  });
}

export function createStripeCreditSender(endpoint: StripeEndpoint = {}): StripeCreditSender {
  let client: Stripe | null = null;
  const stripe = () => {
    const apiKey = endpoint.apiKey ?? getEnv().STRIPE_SECRET_KEY;
    if (!apiKey) throw new HttpStatusError(400, "STRIPE_SECRET_KEY is not set: Candor cannot apply credits in Stripe");
    client ??= new Stripe(apiKey, {
      host: endpoint.host,
      port: endpoint.port,
      protocol: endpoint.protocol,
      // Retries are the outbox's (with backoff, after a lease); the idempotency key makes them safe.
      maxNetworkRetries: 0,
      timeout: endpoint.timeoutMs ?? 20_000,
      telemetry: false,
    });
    return client;
  };
  return {
    async send(credit) {
      const { response, stripeCustomerId, incident } = await loadCredit(credit);
      try {
        const transaction = await stripe().customers.createBalanceTransaction(
          stripeCustomerId,
          {
            // Negative: a credit the customer's next invoices use up.
            amount: -response.amount!,
            currency: response.currency.toLowerCase(),
            description: `Credit for the incident “${incident.title}”`.slice(0, 350),
            metadata: { candor_incident_id: incident.id, candor_offer_id: credit.offerId, candor_customer_id: credit.customerId },
          },
          { idempotencyKey: idempotencyKeyFor(credit) },
        );
        await recordResult(credit, { transactionId: transaction.id });
        return transaction.id;
      } catch (error) {
        const stripeError = error instanceof Stripe.errors.StripeError ? error : null;
        const message = stripeError?.message ?? (error instanceof Error ? error.message : String(error));
        await recordResult(credit, { error: message });
        // Stripe's 4xx are final (but 429), its 5xx and network errors are retried: the outbox's http rules.
        if (stripeError?.statusCode) throw new HttpStatusError(stripeError.statusCode, message);
        throw error;
      }
    },
  };
}
