// Where outbox messages go: email through SMTP_URL with nodemailer's pooled
// transport, or, with no SMTP configured, the dev mailbox table shown in the
// admin; HTTP deliveries through fetch. Every time limit is below the lease.
import nodemailer from "nodemailer";
import { prisma } from "../db";
import { getEnv } from "../env";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress, PrivateAddressError } from "../webhooks/private-address";
import { HttpStatusError, PermanentDeliveryError, sendTimeoutsFor } from "./retry-policy";

/** How long a worker's claim lasts unless renewed (CANDOR_OUTBOX_LEASE_SECONDS). */
export const DEFAULT_LEASE_MS = 60_000;
/** The SMTP pool's connections: also the most messages one worker has in flight. */
export const SMTP_CONNECTIONS = 5;

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  campaignId?: string;
}

export interface MailTransport {
  readonly kind: "smtp" | "mailbox";
  /** Resolves with the server's reply; rejects with nodemailer's error (responseCode set for SMTP replies). */
  send(message: OutgoingMessage): Promise<string>;
  close(): void;
}

export function createMailTransport(smtpUrl = getEnv().SMTP_URL, leaseMs = DEFAULT_LEASE_MS): MailTransport {
  if (!smtpUrl) return mailboxTransport;
  const url = new URL(smtpUrl);
  // Pooled: connections stay open across messages (nodemailer reads pool options from the URL).
  url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", String(SMTP_CONNECTIONS));
  // nodemailer's defaults (2 min to connect, 10 min of silence) would outlast any claim.
  const timeouts = sendTimeoutsFor(leaseMs);
  url.searchParams.set("connectionTimeout", String(timeouts.connectionMs));
  url.searchParams.set("greetingTimeout", String(timeouts.greetingMs));
  url.searchParams.set("socketTimeout", String(timeouts.socketMs));
  const transporter = nodemailer.createTransport(url.toString());
  return {
    kind: "smtp",
    async send(message) {
      const info = await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers,
      });
      return info.response;
    },
    close: () => transporter.close(),
  };
}

const mailboxTransport: MailTransport = {
  kind: "mailbox",
  async send(message) {
    await prisma.mailboxMessage.create({
      data: {
        campaignId: message.campaignId ?? null,
        to: message.to,
        subject: message.subject.slice(0, 300),
        html: message.html,
        text: message.text,
        headers: { ...message.headers, "Message-ID": message.messageId, From: message.from },
      },
    });
    return "250 Kept in Candor's dev mailbox (no SMTP_URL): not delivered";
  },
  close: () => {},
};

export interface HttpRequest {
  url: string;
  method: "POST" | "PUT";
  headers: Record<string, string>;
  body: string;
  /** Set for a webhook's delivery: the delivery log and the failure count are kept per webhook. */
  webhook?: { id: string; event: string };
}

export interface HttpAnswer {
  status: number;
  /** At most the first RESPONSE_KEEP_BYTES of the answer. */
  body: string;
}

export interface HttpTransport {
  /** Resolves with a 2xx answer; rejects with HttpStatusError outside 2xx, or a refused address, network or timeout error. */
  send(request: HttpRequest): Promise<HttpAnswer>;
}

/** The longest a receiver may take to answer, whatever the lease. */
export const HTTP_TIMEOUT_MS = 10_000;
/** What is kept of an answer; the rest is never read (a receiver may send megabytes). */
export const RESPONSE_KEEP_BYTES = 1024;

/**
 * HTTP(S) with node:http rather than fetch, for three guarantees: the
 * address is checked after DNS resolution, at connect time (no private or
 * loopback target unless CANDOR_WEBHOOKS_ALLOW_PRIVATE=1); the whole
 * exchange has one deadline; and at most 1 KB of the answer is read before
 * the connection is dropped. Redirects are not followed (a 3xx is a failure).
 */
export function createHttpTransport(
  leaseMs = DEFAULT_LEASE_MS,
  options: { allowPrivate?: boolean; timeoutMs?: number } = {},
): HttpTransport {
  const timeoutMs = Math.min(options.timeoutMs ?? HTTP_TIMEOUT_MS, sendTimeoutsFor(leaseMs).socketMs);
  const allowPrivate = options.allowPrivate ?? getEnv().CANDOR_WEBHOOKS_ALLOW_PRIVATE;
  return { send: (request) => sendHttp(request, timeoutMs, allowPrivate) };
}

function sendHttp(request: HttpRequest, timeoutMs: number, allowPrivate: boolean): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return reject(new PermanentDeliveryError("The URL is not valid."));
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return reject(new PermanentDeliveryError("Only http and https URLs are delivered."));
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) return reject(new PrivateAddressError(literal));
    const client = url.protocol === "https:" ? https : http;
    const outgoing = client.request(url, {
      method: request.method,
      headers: { "user-agent": "Candor-Webhooks", ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      agent: false,
      lookup: allowPrivate ? undefined : publicOnlyLookup,
    });
    const deadline = setTimeout(() => outgoing.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    const settle = (error: Error | null, answer?: HttpAnswer) => {
      clearTimeout(deadline);
      if (error) reject(error);
      else if (answer!.status < 200 || answer!.status >= 300) reject(new HttpStatusError(answer!.status, answer!.body));
      else resolve(answer!);
    };
    outgoing.on("error", (error) => settle(error));
    outgoing.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let isDone = false;
      const finish = () => {
        if (isDone) return;
        isDone = true;
        response.destroy();
        settle(null, { status: response.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, RESPONSE_KEEP_BYTES).toString("utf8") });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        kept += chunk.length;
        if (kept >= RESPONSE_KEEP_BYTES) finish();
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    outgoing.end(request.body);
  });
}

/** dns.lookup, refusing any answer that is a private or loopback address. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(new PrivateAddressError(refused.address), "", 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** The sender: MAIL_FROM, or status@ the public URL's host. */
export function senderAddress(publicUrl: string): string {
  return getEnv().MAIL_FROM ?? `status@${new URL(publicUrl).hostname}`;
}

/** smtp://user:…@host:port without the password, for logs. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ""}${url.host}`;
}
