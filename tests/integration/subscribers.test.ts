// Subscribing by email with double opt-in, through the outbox and a real SMTP
// server on loopback: confirmation, no enumeration, limits, expiry,
// preferences by token, RFC 8058 one-click unsubscribe.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { oneClickUnsubscribeUrl } from "@/lib/email/unsubscribe";
import { getEnv } from "@/lib/env";
import { createMailTransport } from "@/lib/outbox/transport";
import { OutboxWorker } from "@/lib/outbox/worker";
import { confirmSubscription, getSubscriptionByToken, unsubscribeByToken, updatePreferences } from "@/lib/subscribers/manage";
import { subscribe } from "@/lib/subscribers/subscribe";
import { POST as subscribeRoute } from "@/app/api/subscribe/route";
import { POST as subscriptionRoute } from "@/app/api/subscription/route";
import { POST as oneClickRoute } from "@/app/api/unsubscribe/route";
import { createAdmin } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let sink: SmtpSink;
let worker: OutboxWorker;
let api: string;
let web: string;
let clientCounter = 0;
/** A fresh client address per test, so the per-address limit only bites where a test means it to. */
const nextClient = () => `192.0.2.${++clientCounter}`;

beforeAll(async () => {
  sink = await startSmtpSink();
  worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: () => {} });
  const admin = await createAdmin();
  api = (await createComponent(admin, { name: "API", isVisible: true })).id;
  web = (await createComponent(admin, { name: "Website", isVisible: true })).id;
});

afterAll(async () => {
  await sink.stop();
});

beforeEach(() => {
  sink.messages.length = 0;
});

async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0);
}

function linkIn(text: string, parameter: "confirm" | "token"): string {
  const match = new RegExp(`/subscription\\?${parameter}=([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`No ${parameter} link in: ${text}`);
  return match[1]!;
}

async function subscribeAndConfirm(email: string, componentIds: string[] = []): Promise<string> {
  await subscribe({ email, componentIds, clientIp: nextClient() });
  await drain();
  const message = sink.messages.find((sent) => sent.to && JSON.stringify(sent.to).includes(email))!;
  const { manageToken } = await confirmSubscription(linkIn(message.text!, "confirm"));
  sink.messages.length = 0;
  return manageToken;
}

describe("subscribing", () => {
  it("sends a confirmation through the outbox; only the link confirms, and it leads to the preferences", async () => {
    await subscribe({ email: "Grace@Example.com", componentIds: [api], clientIp: nextClient() });
    expect(await prisma.subscriber.findUniqueOrThrow({ where: { email: "grace@example.com" } })).toMatchObject({
      state: "PENDING",
      allComponents: false,
    });
    await drain();
    expect(sink.messages).toHaveLength(1);
    const [message] = sink.messages;
    expect(message!.subject).toMatch(/^Confirm your subscription/);
    expect(message!.html).toContain("Confirm my subscription");
    const token = linkIn(message!.text!, "confirm");
    // The database keeps only hashes of the links' tokens.
    const row = await prisma.subscriber.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(JSON.stringify(row)).not.toContain(token);

    const { manageToken } = await confirmSubscription(token);
    expect(await getSubscriptionByToken(manageToken)).toEqual({
      email: "grace@example.com",
      state: "confirmed",
      allComponents: false,
      componentIds: [api],
    });
    // The confirmation link is spent.
    await expect(confirmSubscription(token)).rejects.toMatchObject({ status: 404 });
  });

  it("answers the same whether or not the address exists; its owner alone learns it was already subscribed", async () => {
    await subscribeAndConfirm("known@example.com");
    const known = await subscribeRoute(formRequest("/api/subscribe", { email: "known@example.com" }));
    const unknown = await subscribeRoute(formRequest("/api/subscribe", { email: "unknown@example.com" }));
    expect([known.status, known.headers.get("location")]).toEqual([unknown.status, unknown.headers.get("location")]);
    expect(known.headers.get("location")).toBe(`${getEnv().PUBLIC_URL}/subscribe/sent`);
    await drain();
    const subjects = Object.fromEntries(
      sink.messages.map((message) => [message.to && JSON.stringify(message.to).match(/"address":"([^"]+)"/)![1], message.subject]),
    );
    expect(subjects["known@example.com"]).toMatch(/^You are subscribed/);
    expect(subjects["unknown@example.com"]).toMatch(/^Confirm your subscription/);
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { email: "known@example.com" } })).state).toBe("CONFIRMED");
  });

  it("refuses a bad address or an unknown component with a redirect to the form's message, storing nothing", async () => {
    const bad = await subscribeRoute(formRequest("/api/subscribe", { email: "not an address" }));
    expect([bad.status, bad.headers.get("location")]).toEqual([303, `${getEnv().PUBLIC_URL}/subscribe?error=invalid_email`]);
    const unknown = await subscribeRoute(formRequest("/api/subscribe", { email: "x@example.com", componentIds: "nope" }));
    expect(unknown.headers.get("location")).toBe(`${getEnv().PUBLIC_URL}/subscribe?error=unknown_component`);
    await expect(subscribe({ email: "y@example.com", componentIds: [api, "missing"], clientIp: nextClient() })).rejects.toMatchObject({
      status: 422,
    });
    expect(await prisma.subscriber.count({ where: { email: { in: ["x@example.com", "y@example.com"] } } })).toBe(0);
  });

  it("limits requests per client address and per email, with a clear message", async () => {
    const client = nextClient();
    for (let index = 0; index < 10; index++) await subscribe({ email: `many${index}@example.com`, componentIds: [], clientIp: client });
    await expect(subscribe({ email: "many10@example.com", componentIds: [], clientIp: client })).rejects.toThrow(
      /Too many subscription requests. Try again in \d+ minutes?\./,
    );
    for (let index = 0; index < 3; index++) await subscribe({ email: "often@example.com", componentIds: [], clientIp: nextClient() });
    await expect(subscribe({ email: "often@example.com", componentIds: [], clientIp: nextClient() })).rejects.toMatchObject({
      status: 429,
    });
    const response = await subscribeRoute(formRequest("/api/subscribe", { email: "often@example.com" }));
    expect(response.headers.get("location")).toBe(`${getEnv().PUBLIC_URL}/subscribe?error=rate_limited`);
  });

  it("forgets an address not confirmed within 48 hours", async () => {
    const start = new Date();
    await subscribe({ email: "late@example.com", componentIds: [], clientIp: nextClient() }, start);
    await drain();
    const token = linkIn(sink.messages[0]!.text!, "confirm");
    await expect(confirmSubscription(token, new Date(start.getTime() + 49 * 3600_000))).rejects.toMatchObject({ status: 404 });
    await subscribe({ email: "other@example.com", componentIds: [], clientIp: nextClient() }, new Date(start.getTime() + 49 * 3600_000));
    expect(await prisma.subscriber.count({ where: { email: "late@example.com" } })).toBe(0);
  });
});

describe("managing a subscription", () => {
  it("refuses tampered and malformed tokens alike", async () => {
    const token = await subscribeAndConfirm("tamper@example.com");
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [tampered, "short", "", undefined, `${token}x`]) {
      await expect(getSubscriptionByToken(bad)).rejects.toMatchObject({ status: 404 });
      await expect(unsubscribeByToken(bad, "link")).rejects.toMatchObject({ status: 404 });
    }
    const response = await subscriptionRoute(formRequest("/api/subscription", { token: tampered, intent: "unsubscribe" }));
    expect(response.headers.get("location")).toBe(`${getEnv().PUBLIC_URL}/subscription?invalid=1`);
  });

  it("changes components, unsubscribes from the page's button, and subscribes again", async () => {
    const token = await subscribeAndConfirm("prefs@example.com");
    await updatePreferences(token, { componentIds: [web] });
    expect(await getSubscriptionByToken(token)).toMatchObject({ allComponents: false, componentIds: [web] });
    const response = await subscriptionRoute(formRequest("/api/subscription", { token, intent: "unsubscribe" }));
    expect(response.headers.get("location")).toBe(`${getEnv().PUBLIC_URL}/subscription?token=${token}&done=unsubscribed`);
    expect((await getSubscriptionByToken(token)).state).toBe("unsubscribed");
    await updatePreferences(token, { componentIds: [] });
    expect(await getSubscriptionByToken(token)).toMatchObject({ state: "confirmed", allComponents: true, componentIds: [] });
  });

  it("unsubscribes at once on the RFC 8058 one-click POST, and not on a GET", async () => {
    const token = await subscribeAndConfirm("oneclick@example.com");
    const url = oneClickUnsubscribeUrl(getEnv().PUBLIC_URL, "oneclick@example.com");
    const response = await oneClickRoute(
      new Request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(response.status).toBe(200);
    expect((await getSubscriptionByToken(token)).state).toBe("unsubscribed");
    const tampered = await oneClickRoute(new Request(url.replace(/t=[^&]+/, "t=forged"), { method: "POST" }));
    expect(tampered.status).toBe(400);
  });
});

function formRequest(path: string, fields: Record<string, string>): Request {
  return new Request(`${getEnv().PUBLIC_URL}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "x-candor-client-ip": nextClient() },
  });
}
