// The loopback SMTP sink the delivery benches send to, and the baseline they
// are measured against: raw pooled nodemailer sending the same messages to
// the same sink in the same run.
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export interface BenchSink {
  url: string;
  received: () => number;
  /** performance.now() when the first message was accepted, or null. */
  firstAt: () => number | null;
  close: () => void;
}

export function startSink(): Promise<BenchSink> {
  let received = 0;
  let firstAt: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received++;
        firstAt ??= performance.now();
        callback();
      });
      stream.resume();
    },
  });
  server.on("error", () => {});
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
        received: () => received,
        firstAt: () => firstAt,
        close: () => server.close(),
      }),
    ),
  );
}

/** Sends `count` messages through pooled nodemailer, 10 in flight, as a plain app would. */
export async function sendWithRawNodemailer(
  sinkUrl: string,
  count: number,
  messageFor: (index: number) => { to: string; subject: string; html: string; text: string },
): Promise<void> {
  const transporter = nodemailer.createTransport(`${sinkUrl}?pool=true&maxConnections=5`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < count) {
        const index = next++;
        await transporter.sendMail({ from: "status@example.com", ...messageFor(index) });
      }
    }),
  );
  transporter.close();
}
