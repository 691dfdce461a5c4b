// A real SMTP server on loopback (the smtp-server package) that keeps what it
// receives, parsed by mailparser, and can refuse, answer slowly or go away on
// demand.
import { EventEmitter } from "node:events";
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
  /**
   * How long the sink waits, once it has a message, before it answers "250"
   * (a slow relay). The message counts as received from the start of the
   * wait: a client that dies meanwhile never learns that it was delivered.
   */
  replyDelayMs: number;
  /** Messages received whose "250" has not been answered yet. */
  awaitingReply: number;
  /** Resolves as soon as `condition` holds, checked after every message received or answered. */
  until(condition: () => boolean): Promise<void>;
  stop(): Promise<void>;
  /** Starts again on the same port after stop(). */
  restart(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const sink = {
    messages: [] as ParsedMail[],
    mode: "accept" as SinkMode,
    rejected: new Set<string>(),
    replyDelayMs: 0,
    awaitingReply: 0,
  };
  const changes = new EventEmitter().setMaxListeners(100);
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      const check = () => {
        if (!condition()) return;
        changes.off("change", check);
        resolve();
      };
      changes.on("change", check);
    });
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
            if (sink.replyDelayMs <= 0) {
              changes.emit("change");
              return callback();
            }
            sink.awaitingReply++;
            changes.emit("change");
            setTimeout(() => {
              sink.awaitingReply--;
              callback();
              changes.emit("change");
            }, sink.replyDelayMs);
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
    until,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    restart: async () => void (await listen(actualPort)),
  });
}
