// Where outbox messages go: SMTP_URL through nodemailer's pooled transport,
// or, with no SMTP configured, the dev mailbox table shown in the admin.
import nodemailer from "nodemailer";
import { prisma } from "../db";
import { getEnv } from "../env";

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

export function createMailTransport(smtpUrl = getEnv().SMTP_URL): MailTransport {
  if (!smtpUrl) return mailboxTransport;
  const url = new URL(smtpUrl);
  // Pooled: connections stay open across messages (nodemailer reads pool options from the URL).
  url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "5");
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

/** The sender: MAIL_FROM, or status@ the public URL's host. */
export function senderAddress(publicUrl: string): string {
  return getEnv().MAIL_FROM ?? `status@${new URL(publicUrl).hostname}`;
}

/** smtp://user:…@host:port without the password, for logs. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ""}${url.host}`;
}
