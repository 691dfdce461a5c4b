// The outbox's one retry policy, with a rule per channel, and the time limits
// that keep every send inside its claim's lease. Pure: no database, no I/O.

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 15_000;
const LONGEST_RETRY_MS = 30 * 60_000;

/** 15 s, 30 s, 1 min, 2 min… up to 30 min, after the given (1-based) failed attempt. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS);
}

export type Channel = "email" | "http" | "mirror";
export type SendFailure = { kind: "transient" | "permanent"; reason: string };

/** An HTTP delivery answered with a status outside 2xx. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}${body ? ` ${body}` : ""}`);
    this.name = "HttpStatusError";
  }
}

/** A delivery that can never succeed as queued (a bad URL, a refused address, a disabled endpoint): not retried. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

/**
 * email: an SMTP 5xx (and a refused recipient) is permanent, retrying cannot
 * help; SMTP 4xx and network errors are transient.
 * http: 4xx is permanent except 408 and 429 (the receiver asks us to come
 * back); 5xx, timeouts and network errors are transient.
 * mirror: transient (a bucket outage, another instance pushing), unless the
 * error says retrying cannot help (`isPermanent`, e.g. no mirror configured).
 */
export function classifyFailure(channel: Channel, error: unknown): SendFailure {
  const details = error as { responseCode?: number; response?: string; status?: number; message?: string } | null;
  const reason = (details?.response || details?.message || String(error)).slice(0, 500);
  if (channel === "email") {
    const code = details?.responseCode;
    return { kind: typeof code === "number" && code >= 500 && code < 600 ? "permanent" : "transient", reason };
  }
  if (channel === "mirror") return { kind: (error as { isPermanent?: boolean })?.isPermanent ? "permanent" : "transient", reason };
  if (error instanceof PermanentDeliveryError || (error as Error | null)?.name === "PrivateAddressError")
    return { kind: "permanent", reason };
  if (error instanceof HttpStatusError) {
    const isPermanent = error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
    return { kind: isPermanent ? "permanent" : "transient", reason };
  }
  return { kind: "transient", reason };
}

export interface SendTimeouts {
  /** TCP connect to the relay. */
  connectionMs: number;
  /** Waiting for the relay's greeting. */
  greetingMs: number;
  /** Silence on an open connection (SMTP) or the whole request (HTTP). */
  socketMs: number;
  /** Heartbeat: how often a worker renews its claim's lease. */
  renewEveryMs: number;
  /** A send starts only while the lease (as last renewed) has at least this much left. */
  startMarginMs: number;
}

/**
 * Every time limit of a send derives from the lease, so a stalled relay is
 * given up on well before the claim could lapse: a quarter of the lease to
 * connect or be greeted, half of it of silence mid-send. The heartbeat renews
 * the lease four times per lease; a worker whose renewals fail stops starting
 * sends once less than half the lease is left.
 */
export function sendTimeoutsFor(leaseMs: number): SendTimeouts {
  return {
    connectionMs: Math.floor(leaseMs / 4),
    greetingMs: Math.floor(leaseMs / 4),
    socketMs: Math.floor(leaseMs / 2),
    renewEveryMs: Math.floor(leaseMs / 4),
    startMarginMs: Math.floor(leaseMs / 2),
  };
}
