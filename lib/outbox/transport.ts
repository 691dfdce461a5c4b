// Where outbox messages go: email through SMTP_URL with nodemailer's pooled
// transport, or, with no SMTP configured, the dev mailbox table shown in the
// admin; HTTP deliveries through fetch. Every time limit is below the lease.
import nodemailer from "nodemailer";
import { prisma } from "../db";
import { getEnv } from "../env";
import { HttpStatusError, sendTimeoutsFor } from "./retry-policy";

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
}

export interface HttpTransport {
  /** Resolves with the status line and the start of the body; rejects with HttpStatusError outside 2xx, or a network/timeout error. */
  send(request: HttpRequest): Promise<string>;
}

export function createHttpTransport(leaseMs = DEFAULT_LEASE_MS): HttpTransport {
  const timeoutMs = sendTimeoutsFor(leaseMs).socketMs;
  return {
    async send(request) {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.text()).slice(0, 200);
      if (response.status < 200 || response.status >= 300) throw new HttpStatusError(response.status, body);
      return `${response.status} ${body}`.trim();
    },
  };
}

/** The sender: MAIL_FROM, or status@ the public URL's host. */
export function senderAddress(publicUrl: string): string {
  return getEnv().MAIL_FROM ?? `status@${new URL(publicUrl).hostname}`;
}

/** smtp://user:…@host:port without the password, for logs. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ""}${url.host}`;
}
