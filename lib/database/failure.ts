// What kind of database failure an error is, from whichever layer threw it
// (pg, Prisma's driver adapter, Prisma). Pure: no database import, so forms,
// health and logs can all ask.

/** The error a query gets when the database says nothing within its deadline (lib/database/timeouts.ts). */
export const NOT_ANSWERING = "the database did not answer in time";

export type DatabaseFailure = "refused" | "timeout" | "closed" | "auth";

const BY_CODE: Record<string, DatabaseFailure> = {
  ECONNREFUSED: "refused",
  ENOTFOUND: "refused",
  EHOSTUNREACH: "refused",
  P1001: "refused",
  // PostgreSQL shutting down or starting: cannot_connect_now, admin_shutdown, crash_shutdown.
  "57P03": "refused",
  "57P01": "closed",
  "57P02": "closed",
  ETIMEDOUT: "timeout",
  P1008: "timeout",
  // No connection or transaction in the given time: the pool is stuck behind a hung server (or a flood).
  P2024: "timeout",
  P2028: "timeout",
  ECONNRESET: "closed",
  EPIPE: "closed",
  P1017: "closed",
  P1000: "auth",
  "28P01": "auth",
  "28000": "auth",
};

const BY_MESSAGE: [RegExp, DatabaseFailure][] = [
  [
    /the database did not answer|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Query read timeout/i,
    "timeout",
  ],
  [/Connection terminated|Client has encountered a connection error|server closed the connection/i, "closed"],
  [/ECONNREFUSED|Can't reach database server/i, "refused"],
  [/password authentication failed/i, "auth"],
];

/** The failure this error (or an error it wraps) shows, or null for anything else (a bug, a constraint). */
export function classifyDatabaseFailure(error: unknown): DatabaseFailure | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") break;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && BY_CODE[code]) return BY_CODE[code];
    if (typeof message === "string") {
      const match = BY_MESSAGE.find(([pattern]) => pattern.test(message));
      if (match) return match[1];
    }
    current = cause;
  }
  return null;
}

/** Whether the error means the database could not be reached or did not answer: nothing the request asked for was saved. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const failure = classifyDatabaseFailure(error);
  return failure === "refused" || failure === "timeout" || failure === "closed";
}
