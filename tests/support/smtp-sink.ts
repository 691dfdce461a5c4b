// A real SMTP server on loopback (the smtp-server package) that keeps what it
// receives, parsed by mailparser, and can refuse or go away on demand.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkMode = "accept" | "refuse-temporarily";

/** A header as sent, without mailparser's interpretation. */
export function rawHeader(message: ParsedMail, name: string): string | undefined {
  return message.headerLines.find((header) => header.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");
}

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  mode: SinkMode;
  /** Recipients answered with 550 (a permanent refusal). */
  rejected: Set<string>;
  stop(): Promise<void>;
  /** Starts again on the same port after stop(). */
  restart(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const sink = { messages: [] as ParsedMail[], mode: "accept" as SinkMode, rejected: new Set<string>() };
  let server: SMTPServer;
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // Pooled clients keep connections open; "down" means down now.
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        if (sink.mode === "refuse-temporarily") return callback(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 }));
        if (sink.rejected.has(address.address.toLowerCase()))
          return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            sink.messages.push(parsed);
            callback();
          })
          .catch(callback);
      },
    });
  const listen = (at: number) =>
    new Promise<number>((resolve) => {
      server = create();
      // A client killed mid-session (the fault tests SIGKILL workers) resets its connection: expected here.
      server.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error("smtp sink:", error);
      });
      server.listen(at, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const actualPort = await listen(port);
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${actualPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    restart: async () => void (await listen(actualPort)),
  });
}
