// The public pages that show history: read from their own small queries when
// first asked (the front server then keeps the page per snapshot version),
// so the snapshot holds only what the front page shows.
import "server-only";
import { findPublicIncident, listClosedPublicIncidents, listLatestPublicIncidents, type IncidentView } from "../incidents/queries";
import { listIncidentsWithPublishedPostmortem, listPublishedPostmortems, type PublicPostmortem } from "../postmortems/queries";
import { publicView } from "./build-snapshot";
import { findIncident, findPostmortem, HISTORY_PAGE_SIZE, historyPageCount } from "./select";
import { LATEST_LIMIT, type PublicSnapshot } from "./types";

export interface HistoryPage {
  items: IncidentView[];
  hasMore: boolean;
  /** Incidents on this page with a published postmortem. */
  withPostmortem: ReadonlySet<string>;
}

/** Closed incidents and completed maintenance, newest first, page `page` (from 1), or null past the last page. */
export async function readHistoryPage(snapshot: PublicSnapshot, page: number): Promise<HistoryPage | null> {
  if (snapshot.historyCount !== undefined && page > historyPageCount(snapshot.historyCount)) return null;
  // One more than a page: whether an older page follows, without a count.
  const rows = await listClosedPublicIncidents({ skip: (page - 1) * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE + 1 });
  if (rows.length === 0 && page > 1) return null;
  const items = rows.slice(0, HISTORY_PAGE_SIZE).map(publicView);
  const withPostmortem = await listIncidentsWithPublishedPostmortem(items.map((incident) => incident.id));
  return { items, hasMore: rows.length > HISTORY_PAGE_SIZE, withPostmortem };
}

/** An incident or maintenance and its published postmortem: from the snapshot when it holds it, else from the database. */
export async function readPublicIncident(
  snapshot: PublicSnapshot,
  id: string,
): Promise<{ incident: IncidentView; postmortem: PublicPostmortem | null } | null> {
  const held = findIncident(snapshot.incidents, id);
  if (held) return { incident: held, postmortem: findPostmortem(snapshot, id) };
  const found = await findPublicIncident(id);
  if (!found) return null;
  const [postmortem = null] = await listPublishedPostmortems([found.id]);
  return { incident: publicView(found), postmortem };
}

/** The snapshot as if it held this incident too (the v2 API's one-incident answer for an old incident). */
export async function withIncident(snapshot: PublicSnapshot, id: string): Promise<PublicSnapshot> {
  if (findIncident(snapshot.incidents, id)) return snapshot;
  const found = await readPublicIncident(snapshot, id);
  if (!found) return snapshot;
  return {
    ...snapshot,
    incidents: [...snapshot.incidents, found.incident],
    postmortems: found.postmortem ? [...(snapshot.postmortems ?? []), found.postmortem] : snapshot.postmortems,
  };
}

/** The snapshot with the LATEST_LIMIT newest incidents and maintenance too (the feeds, the v2 lists). */
export async function withLatest(snapshot: PublicSnapshot): Promise<PublicSnapshot> {
  const latest = (await listLatestPublicIncidents(LATEST_LIMIT)).map(publicView);
  const held = new Set(snapshot.incidents.map((incident) => incident.id));
  const added = latest.filter((incident) => !held.has(incident.id));
  if (added.length === 0) return snapshot;
  const postmortems = await listPublishedPostmortems(added.map((incident) => incident.id));
  return {
    ...snapshot,
    incidents: [...snapshot.incidents, ...added].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()),
    postmortems: [...(snapshot.postmortems ?? []), ...postmortems],
  };
}
