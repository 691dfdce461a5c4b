// The public snapshot in Statuspage v2's shapes. Pure.
import { createHash } from "node:crypto";
import { COMPONENT_STATUSES, type ComponentStatus } from "../components/constants";
import type { PublicComponent } from "../components/queries";
import { INDICATOR_LABELS } from "../components/rollup";
import type { IncidentView, TimelineUpdate } from "../incidents/queries";
import { activeMaintenance, findPostmortem, openIncidents, upcomingMaintenance } from "../public-snapshot/select";
import type { PublicSnapshot } from "../public-snapshot/types";
import type { V2Component, V2Incident, V2IncidentUpdate, V2Page, V2ScheduledMaintenance, V2Status } from "./types";

/** Statuspage lists this many in incidents.json and scheduled-maintenances.json. */
const RECENT_LIMIT = 50;

const iso = (date: Date) => date.toISOString();

/** A stable 12-character id for the page, derived from its public address. */
export function pageId(snapshot: PublicSnapshot): string {
  return pageIdForUrl(snapshot.settings.effectivePublicUrl);
}

/** The same id from the address alone (webhook payloads, built without a snapshot). */
export function pageIdForUrl(publicUrl: string): string {
  return BigInt(`0x${createHash("sha256").update(publicUrl).digest("hex").slice(0, 16)}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12);
}

export function toV2Page(snapshot: PublicSnapshot): V2Page {
  return {
    id: pageId(snapshot),
    name: snapshot.settings.pageName,
    url: snapshot.settings.effectivePublicUrl,
    time_zone: snapshot.settings.timeZone,
    updated_at: iso(snapshot.changedAt),
  };
}

export function toV2Status(snapshot: PublicSnapshot): V2Status {
  return { indicator: snapshot.indicator, description: INDICATOR_LABELS[snapshot.indicator] };
}

function worst(statuses: ComponentStatus[]): ComponentStatus {
  // under_maintenance is last in the list, yet an outage is worse to a reader.
  const order: ComponentStatus[] = ["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"];
  return statuses.reduce<ComponentStatus>(
    (current, status) => (order.indexOf(status) > order.indexOf(current) ? status : current),
    COMPONENT_STATUSES[0],
  );
}

/** Groups and components in page order, as Statuspage lists them: each group, then its components. */
export function toV2Components(snapshot: PublicSnapshot): V2Component[] {
  const page = pageId(snapshot);
  const list: V2Component[] = [];
  const component = (item: PublicComponent): V2Component => ({
    id: item.id,
    name: item.name,
    status: item.status,
    created_at: iso(item.createdAt),
    updated_at: iso(item.updatedAt),
    position: list.length + 1,
    description: item.description,
    showcase: true,
    start_date: null,
    group_id: item.groupId,
    page_id: page,
    group: false,
    only_show_if_degraded: false,
  });
  for (const group of snapshot.groups) {
    if (group.id && group.name && group.createdAt && group.updatedAt) {
      list.push({
        id: group.id,
        name: group.name,
        status: worst(group.components.map((item) => item.status)),
        created_at: iso(group.createdAt),
        updated_at: iso(group.updatedAt),
        position: list.length + 1,
        description: null,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: page,
        group: true,
        only_show_if_degraded: false,
        components: group.components.map((item) => item.id),
      });
    }
    for (const item of group.components) list.push(component(item));
  }
  return list;
}

function toV2Updates(incident: IncidentView): V2IncidentUpdate[] {
  // Each change's old status is what this incident last set the component to.
  const last = new Map<string, ComponentStatus>();
  const affected = new Map<string, V2IncidentUpdate["affected_components"]>();
  for (const update of [...incident.updates].reverse()) {
    affected.set(
      update.id,
      update.componentChanges.length
        ? update.componentChanges.map((change) => {
            const old_status = last.get(change.componentId) ?? "operational";
            last.set(change.componentId, change.status);
            return { code: change.componentId, name: change.name, old_status, new_status: change.status };
          })
        : null,
    );
  }
  return incident.updates.map((update: TimelineUpdate) => ({
    id: update.id,
    status: update.status ?? incident.status,
    body: update.message,
    incident_id: incident.id,
    created_at: iso(update.createdAt),
    updated_at: iso(update.updatedAt),
    display_at: iso(update.publishedAt),
    affected_components: affected.get(update.id) ?? null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  }));
}

function incidentBase(snapshot: PublicSnapshot, incident: IncidentView, components: Map<string, V2Component>) {
  const monitoring = [...incident.updates].reverse().find((update) => update.status === "monitoring");
  return {
    id: incident.id,
    name: incident.title,
    created_at: iso(incident.createdAt),
    updated_at: iso(incident.updatedAt),
    monitoring_at: monitoring ? iso(monitoring.publishedAt) : null,
    resolved_at: incident.resolvedAt ? iso(incident.resolvedAt) : null,
    shortlink: `${snapshot.settings.effectivePublicUrl}/incidents/${incident.id}`,
    started_at: iso(incident.startedAt),
    page_id: pageId(snapshot),
    incident_updates: toV2Updates(incident),
    components: incident.components.flatMap((link) => {
      const known = components.get(link.id);
      return known ? [known] : [];
    }),
  };
}

/** The component list of one snapshot, and its incidents and maintenance mapped with it. */
export function createV2Mapper(snapshot: PublicSnapshot) {
  const list = toV2Components(snapshot);
  const components = new Map(list.map((component) => [component.id, component]));
  return {
    components: list,
    incident: (incident: IncidentView): V2Incident => {
      const postmortem = incident.status === "resolved" ? findPostmortem(snapshot, incident.id) : null;
      const base = incidentBase(snapshot, incident, components);
      if (!postmortem) return { ...base, status: incident.status as V2Incident["status"], impact: incident.impact };
      // Statuspage's own status for a resolved incident whose postmortem is published.
      const updatedAt = Math.max(incident.updatedAt.getTime(), postmortem.publishedAt.getTime());
      return { ...base, status: "postmortem", updated_at: iso(new Date(updatedAt)), impact: incident.impact };
    },
    maintenance: (maintenance: IncidentView): V2ScheduledMaintenance => ({
      ...incidentBase(snapshot, maintenance, components),
      status: maintenance.status as V2ScheduledMaintenance["status"],
      impact: "maintenance",
      scheduled_for: iso(maintenance.scheduledStart ?? maintenance.startedAt),
      scheduled_until: iso(maintenance.scheduledEnd ?? maintenance.resolvedAt ?? maintenance.startedAt),
    }),
  };
}

const incidentsOf = (snapshot: PublicSnapshot) => snapshot.incidents.filter((incident) => incident.kind === "incident");
const maintenanceOf = (snapshot: PublicSnapshot) => snapshot.incidents.filter((incident) => incident.kind === "maintenance");

/** Each public endpoint's body, by its path under /api/v2 without ".json". */
export const V2_ENDPOINTS = {
  summary: (snapshot: PublicSnapshot) => {
    const map = createV2Mapper(snapshot);
    return {
      page: toV2Page(snapshot),
      components: map.components,
      incidents: openIncidents(snapshot.incidents).map(map.incident),
      scheduled_maintenances: [...activeMaintenance(snapshot.incidents), ...upcomingMaintenance(snapshot.incidents)].map(map.maintenance),
      status: toV2Status(snapshot),
    };
  },
  status: (snapshot: PublicSnapshot) => ({ page: toV2Page(snapshot), status: toV2Status(snapshot) }),
  components: (snapshot: PublicSnapshot) => ({ page: toV2Page(snapshot), components: toV2Components(snapshot) }),
  incidents: (snapshot: PublicSnapshot) => ({
    page: toV2Page(snapshot),
    incidents: incidentsOf(snapshot).slice(0, RECENT_LIMIT).map(createV2Mapper(snapshot).incident),
  }),
  "incidents/unresolved": (snapshot: PublicSnapshot) => ({
    page: toV2Page(snapshot),
    incidents: openIncidents(snapshot.incidents).map(createV2Mapper(snapshot).incident),
  }),
  "scheduled-maintenances": (snapshot: PublicSnapshot) => ({
    page: toV2Page(snapshot),
    scheduled_maintenances: maintenanceOf(snapshot).slice(0, RECENT_LIMIT).map(createV2Mapper(snapshot).maintenance),
  }),
  "scheduled-maintenances/upcoming": (snapshot: PublicSnapshot) => ({
    page: toV2Page(snapshot),
    scheduled_maintenances: upcomingMaintenance(snapshot.incidents).map(createV2Mapper(snapshot).maintenance),
  }),
  "scheduled-maintenances/active": (snapshot: PublicSnapshot) => ({
    page: toV2Page(snapshot),
    scheduled_maintenances: activeMaintenance(snapshot.incidents).map(createV2Mapper(snapshot).maintenance),
  }),
} satisfies Record<string, (snapshot: PublicSnapshot) => unknown>;

export type V2EndpointName = keyof typeof V2_ENDPOINTS;

export interface V2Answer {
  status: 200 | 404;
  body: unknown;
}

const ONE_INCIDENT = /^(incidents|scheduled-maintenances)\/([A-Za-z0-9_-]{1,64})\.json$/;

/** The incident or maintenance id a one-incident path asks for, or null. */
export function oneIncidentId(path: string): string | null {
  return ONE_INCIDENT.exec(path)?.[2] ?? null;
}

/** The answer for a path under /api/v2 ("summary.json", "incidents/<id>.json", …). */
export function answerV2(snapshot: PublicSnapshot, path: string): V2Answer {
  const name = path.endsWith(".json") ? path.slice(0, -".json".length) : null;
  if (name && name in V2_ENDPOINTS) return { status: 200, body: V2_ENDPOINTS[name as V2EndpointName](snapshot) };
  const one = ONE_INCIDENT.exec(path);
  if (one) {
    const kind = one[1] === "incidents" ? "incident" : "maintenance";
    const found = snapshot.incidents.find((incident) => incident.id === one[2] && incident.kind === kind);
    // One answer for every unknown id: the server caches it once, whatever ids are tried.
    if (!found)
      return {
        status: 404,
        body: { error: `There is no ${kind === "incident" ? "incident" : "scheduled maintenance"} with that id on this page.` },
      };
    const map = createV2Mapper(snapshot);
    return {
      status: 200,
      body:
        kind === "incident"
          ? { page: toV2Page(snapshot), incident: map.incident(found) }
          : { page: toV2Page(snapshot), scheduled_maintenance: map.maintenance(found) },
    };
  }
  return {
    status: 404,
    body: {
      error: `Unknown endpoint /api/v2/${path}.`,
      endpoints: Object.keys(V2_ENDPOINTS).map((endpoint) => `/api/v2/${endpoint}.json`),
    },
  };
}
