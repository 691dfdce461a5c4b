import { ValidationError } from "../errors";

/** Clocks differ a little between an operator's machine and the server. */
const FUTURE_TOLERANCE_MS = 60_000;
export const FUTURE_TIME_MESSAGE = "An update cannot be in the future. Use the current time or an earlier one (UTC).";

/** False for a time beyond now (with the clock tolerance); forms check it beside every other field. */
export function isNotInFuture(at: Date, now = new Date()): boolean {
  return at.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS;
}

/** An update's time: not before the incident's start, not in the future. Throws ValidationError on `field`. */
export function assertUpdateTime(at: Date, earliest: Date, now: Date, field = "publishedAt"): void {
  if (!isNotInFuture(at, now)) {
    throw new ValidationError("The time is in the future.", { [field]: [FUTURE_TIME_MESSAGE] });
  }
  if (at < earliest) {
    throw new ValidationError("The time is before the incident started.", {
      [field]: [`An update cannot be earlier than the incident's start (${earliest.toISOString().slice(0, 16).replace("T", " ")} UTC).`],
    });
  }
}
