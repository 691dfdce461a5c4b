// The incident history as RSS 2.0 and Atom 1.0, one entry per incident or
// maintenance with its public updates, built with the `feed` library.
import { Feed } from "feed";
import { INCIDENT_STATUS_LABELS } from "../incidents/constants";
import type { IncidentView } from "../incidents/queries";
import { renderMarkdown } from "../markdown/render";
import type { PublicSnapshot } from "../public-snapshot/types";

const FEED_LIMIT = 50;

function entryHtml(incident: IncidentView): string {
  return incident.updates
    .map((update) => {
      const label = update.status ? INCIDENT_STATUS_LABELS[update.status] : "Update";
      const when = update.publishedAt.toISOString().replace("T", " ").slice(0, 16);
      return `<p><strong>${label}</strong> — ${when} UTC</p>\n${renderMarkdown(update.message)}`;
    })
    .join("\n");
}

export function buildHistoryFeed(snapshot: PublicSnapshot): Feed {
  const base = snapshot.settings.effectivePublicUrl;
  const feed = new Feed({
    id: `${base}/history`,
    title: `${snapshot.settings.pageName}: incident history`,
    description: `Incidents and maintenance reported on ${snapshot.settings.pageName}.`,
    link: `${base}/`,
    language: "en",
    updated: snapshot.changedAt,
    generator: "Candor",
    copyright: snapshot.settings.pageName,
    feedLinks: { rss: `${base}/history.rss`, atom: `${base}/history.atom` },
  });
  for (const incident of snapshot.incidents.slice(0, FEED_LIMIT)) {
    const url = `${base}/incidents/${incident.id}`;
    const kind = incident.kind === "maintenance" ? "Maintenance" : "Incident";
    feed.addItem({
      title: `${incident.title} (${INCIDENT_STATUS_LABELS[incident.status]})`,
      id: url,
      guid: url,
      link: url,
      date: incident.updates[0]?.publishedAt ?? incident.startedAt,
      published: incident.startedAt,
      description: `${kind}: ${INCIDENT_STATUS_LABELS[incident.status]}${incident.components.length ? ` · ${incident.components.map((component) => component.name).join(", ")}` : ""}`,
      content: entryHtml(incident),
    });
  }
  return feed;
}
