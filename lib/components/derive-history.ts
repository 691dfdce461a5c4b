// A component's status history derived from what was recorded about it. Pure.
//
// A component shows the worst of: its own status (set by hand, or left by an
// incident's explicit choice on closing) and the status each open incident or
// maintenance holds it in. Deriving the whole history from these facts, rather
// than patching stored intervals, is what keeps a backdated update honest: an
// incident resolved at 08:30 returns the component to what the *other*
// incidents held it in at 08:30, and a later write never leaks into the past.
import { STATUS_SEVERITY, type ComponentStatus } from "./constants";

export type HistoryEvent =
  /** The component's own status from `at` (set by hand, or when it was created). */
  | { kind: "own"; at: Date; status: ComponentStatus }
  /** An incident or maintenance holds the component in `status` from `at`. */
  | { kind: "hold"; at: Date; incidentId: string; cause: "incident" | "maintenance"; status: ComponentStatus }
  /** The incident closes at `at`: it no longer holds the component. */
  | { kind: "release"; at: Date; incidentId: string };

export interface DerivedInterval {
  status: ComponentStatus;
  cause: "incident" | "maintenance" | "manual";
  incidentId: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

// Ties between the component's own status and an incident go to its own status (strictly worse wins).
const rank = (status: ComponentStatus) => STATUS_SEVERITY.indexOf(status);

/**
 * Sweeps the events in time order (stable: events at the same time apply in
 * the order given, so pass them in the order they happened) and returns the
 * component's intervals from the first event on. Adjacent intervals of one
 * status merge, except that a stretch of the component's own status always
 * starts its own interval: those intervals are where its own status is read
 * back from, so it must survive a rebuild.
 */
export function deriveHistory(events: readonly HistoryEvent[]): DerivedInterval[] {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let own: ComponentStatus = "operational";
  const holds = new Map<string, { status: ComponentStatus; cause: "incident" | "maintenance" }>();
  const result: DerivedInterval[] = [];
  for (let index = 0; index < sorted.length; index++) {
    const event = sorted[index]!;
    if (event.kind === "own") own = event.status;
    else if (event.kind === "hold") holds.set(event.incidentId, { status: event.status, cause: event.cause });
    else holds.delete(event.incidentId);
    // Apply every event of one instant before deciding what that instant shows.
    if (sorted[index + 1]?.at.getTime() === event.at.getTime()) continue;
    append(result, { ...winner(own, holds), startedAt: event.at, endedAt: null });
  }
  return result;
}

function winner(own: ComponentStatus, holds: Map<string, { status: ComponentStatus; cause: "incident" | "maintenance" }>) {
  let best: Omit<DerivedInterval, "startedAt" | "endedAt"> = { status: own, cause: "manual", incidentId: null };
  for (const [incidentId, hold] of holds) {
    if (rank(hold.status) < rank(best.status)) best = { status: hold.status, cause: hold.cause, incidentId };
  }
  return best;
}

function append(result: DerivedInterval[], next: DerivedInterval): void {
  const last = result.at(-1);
  if (last && last.status === next.status && (next.cause !== "manual" || last.cause === "manual")) return;
  if (last) last.endedAt = next.startedAt;
  result.push(next);
}

/** The status the history shows at `at`, or null before it begins. */
export function statusAt(intervals: readonly DerivedInterval[], at: Date): ComponentStatus | null {
  const time = at.getTime();
  const found = intervals.find((interval) => interval.startedAt.getTime() <= time && (interval.endedAt?.getTime() ?? Infinity) > time);
  return found?.status ?? null;
}
