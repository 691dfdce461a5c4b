// A contract test of the request Candor sends to Stripe: the official SDK
// (its host/port/protocol options) talks to a local HTTP server implementing
// the documented POST /v1/customers/{id}/balance_transactions (form-encoded
// body, Bearer key, Idempotency-Key replayed like Stripe does). It checks
// what Candor asks Stripe to do, not Stripe itself.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { applyCreditsInStripe } from "@/lib/offers/apply-in-stripe";
import { createOfferDraft } from "@/lib/offers/create-offer";
import { offerDraftSchema } from "@/lib/offers/schemas";
import { sendOffer } from "@/lib/offers/send-offer";
import { createStripeCreditSender, idempotencyKeyFor } from "@/lib/offers/stripe-credits";
import { createMailTransport } from "@/lib/outbox/transport";
import { OutboxWorker } from "@/lib/outbox/worker";
import { createAdmin } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const API_KEY = "sk_test_candorContractTest";
let stripeServer: Server;
let port: number;
let sink: SmtpSink;
const requests: { method: string; path: string; headers: IncomingHttpHeaders; body: URLSearchParams }[] = [];
/** Like Stripe: the first answer per idempotency key, replayed for repeats. */
const byKey = new Map<string, { status: number; body: string }>();
let transactions = 0;
/** Customers whose first request is processed, then the connection dropped before the answer. */
const dropOnce = new Set(["cus_Flaky"]);

function stripeAnswer(path: string, body: URLSearchParams): { status: number; body: string } {
  const match = /^\/v1\/customers\/([^/]+)\/balance_transactions$/.exec(path);
  if (!match)
    return { status: 404, body: JSON.stringify({ error: { type: "invalid_request_error", message: "Unrecognized request URL" } }) };
  const customer = decodeURIComponent(match[1]!);
  if (customer === "cus_Missing")
    return {
      status: 404,
      body: JSON.stringify({
        error: { type: "invalid_request_error", code: "resource_missing", message: `No such customer: '${customer}'` },
      }),
    };
  transactions++;
  return {
    status: 200,
    body: JSON.stringify({
      id: `cbtxn_${transactions}`,
      object: "customer_balance_transaction",
      amount: Number(body.get("amount")),
      currency: body.get("currency"),
      customer,
      description: body.get("description"),
      type: "adjustment",
      livemode: false,
    }),
  };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  stripeServer = createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (raw += chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const body = new URLSearchParams(raw);
      requests.push({ method: request.method ?? "", path, headers: request.headers, body });
      const key = String(request.headers["idempotency-key"] ?? "");
      const answer = byKey.get(key) ?? stripeAnswer(path, body);
      if (key) byKey.set(key, answer);
      const customer = /customers\/([^/]+)\//.exec(path)?.[1] ?? "";
      if (dropOnce.delete(customer)) return request.socket.destroy();
      response.writeHead(answer.status, { "content-type": "application/json", "request-id": "req_test" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => stripeServer.listen(0, "127.0.0.1", resolve));
  port = (stripeServer.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => stripeServer.close(resolve));
  await sink.stop();
});

const worker = () =>
  new OutboxWorker({
    transport: createMailTransport(sink.url),
    stripe: createStripeCreditSender({ apiKey: API_KEY, host: "127.0.0.1", port, protocol: "http", timeoutMs: 5_000 }),
    log: () => {},
  });

async function drain(): Promise<void> {
  const running = worker();
  while ((await running.runOnce()) > 0);
}

/** Makes retries due now instead of after their backoff. */
async function dueNow(): Promise<void> {
  await prisma.outboxMessage.updateMany({ where: { kind: "stripe_credit", state: "PENDING" }, data: { nextAttemptAt: new Date(0) } });
}

it("credits each accepted customer's Stripe balance once, with the documented request, and stores the result", async () => {
  const admin = await createAdmin();
  const componentId = (await createComponent(admin, { name: "Analytics", isVisible: true })).id;
  const incidentId = (
    await declareIncident(admin, {
      title: "Analytics outage",
      impact: "major",
      status: "identified",
      message: "Requests went elsewhere.",
      components: [{ componentId, status: "major_outage" }],
    })
  ).id;
  const customers = [
    ["ok@example.com", 4990, "EUR", "cus_Ok"],
    ["flaky@example.com", 4900, "JPY", "cus_Flaky"],
    ["missing@example.com", 12345, "KWD", "cus_Missing"],
    ["nostripe@example.com", 1000, "EUR", null],
    ["declined@example.com", 1000, "EUR", "cus_Declined"],
  ] as const;
  for (const [email, monthlyAmountCents, currency, stripeCustomerId] of customers)
    await prisma.customer.create({
      data: { email, monthlyAmountCents, currency, stripeCustomerId, components: { create: { componentId } } },
    });
  const { id: offerId } = await createOfferDraft(
    admin,
    offerDraftSchema.parse({
      incidentId,
      choices: [{ kind: "months", value: "1" }],
      deadline: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16),
      subject: "A month on us",
      body: "Sorry.",
      audience: { componentIds: [componentId] },
    }),
  );
  await sendOffer(admin, { offerId });
  const rows = await prisma.offerResponse.findMany({ where: { offerId }, include: { customer: true } });
  for (const row of rows) {
    const isDeclined = row.customer.email === "declined@example.com";
    await prisma.offerResponse.update({
      where: { offerId_customerId: { offerId, customerId: row.customerId } },
      data: {
        choice: isDeclined ? "decline" : "credit_1",
        amount: isDeclined ? null : (row.amounts as number[])[0],
        respondedAt: new Date(),
      },
    });
  }
  const customerId = (email: string) => rows.find((row) => row.customer.email === email)!.customerId;

  expect(await applyCreditsInStripe(admin, { offerId })).toEqual({ queued: 3 });
  await drain();
  // The connection to Stripe dropped after it processed the flaky customer's credit: retried later, with the same key.
  await dueNow();
  await drain();

  const sent = requests.filter((request) => request.path.startsWith("/v1/customers/"));
  expect(sent.map((request) => request.path).sort()).toEqual([
    "/v1/customers/cus_Flaky/balance_transactions",
    "/v1/customers/cus_Flaky/balance_transactions",
    "/v1/customers/cus_Missing/balance_transactions",
    "/v1/customers/cus_Ok/balance_transactions",
  ]);
  const ok = sent.find((request) => request.path.includes("cus_Ok"))!;
  expect(ok.method).toBe("POST");
  expect(ok.headers.authorization).toBe(`Bearer ${API_KEY}`);
  expect(ok.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
  expect(ok.headers["idempotency-key"]).toBe(idempotencyKeyFor({ offerId, customerId: customerId("ok@example.com") }));
  expect(Object.fromEntries(ok.body)).toEqual({
    amount: "-4990",
    currency: "eur",
    description: "Credit for the incident “Analytics outage”",
    "metadata[candor_incident_id]": incidentId,
    "metadata[candor_offer_id]": offerId,
    "metadata[candor_customer_id]": customerId("ok@example.com"),
  });
  const flaky = sent.filter((request) => request.path.includes("cus_Flaky"));
  expect(flaky[0]!.headers["idempotency-key"]).toBe(flaky[1]!.headers["idempotency-key"]);
  expect(flaky[0]!.body.get("amount")).toBe("-4900");
  // Two transactions in all: the network error did not credit the flaky customer twice.
  expect(transactions).toBe(2);

  const stored = await prisma.offerResponse.findMany({ where: { offerId }, include: { customer: true } });
  const result = (email: string) => stored.find((row) => row.customer.email === email)!;
  expect(result("ok@example.com")).toMatchObject({ billingReference: "cbtxn_1", stripeError: null });
  expect(result("ok@example.com").creditedAt).not.toBeNull();
  expect(result("flaky@example.com")).toMatchObject({ billingReference: "cbtxn_2", stripeError: null });
  expect(result("missing@example.com")).toMatchObject({
    billingReference: null,
    creditedAt: null,
    stripeError: "No such customer: 'cus_Missing'",
  });
  expect(result("nostripe@example.com").billingReference).toBeNull();
  const missingRow = await prisma.outboxMessage.findFirstOrThrow({
    where: { kind: "stripe_credit", customerId: customerId("missing@example.com") },
  });
  expect(missingRow).toMatchObject({ state: "FAILED", attempts: 1 });

  // Applying again sends nothing for credits already applied; only Stripe's refusal is tried again.
  const before = sent.length;
  expect(await applyCreditsInStripe(admin, { offerId })).toEqual({ queued: 1 });
  await drain();
  const again = requests.filter((request) => request.path.startsWith("/v1/customers/")).slice(before);
  expect(again.map((request) => request.path)).toEqual(["/v1/customers/cus_Missing/balance_transactions"]);
  expect(transactions).toBe(2);
});
