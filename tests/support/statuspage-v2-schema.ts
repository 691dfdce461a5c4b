// Atlassian Statuspage's public API v2 responses, written from its public
// documentation (https://<page>.statuspage.io/api/v2 and e.g.
// https://confluence.status.atlassian.com/api): every field a client may read,
// with its type and enum values. `.strict()` so an extra or misspelt field fails.
import { z } from "zod";

const time = z.iso.datetime({ offset: true });
const componentStatus = z.enum(["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]);

export const page = z.object({ id: z.string().min(1), name: z.string(), url: z.url(), time_zone: z.string(), updated_at: time }).strict();
export const status = z
  .object({ indicator: z.enum(["none", "minor", "major", "critical", "maintenance"]), description: z.string() })
  .strict();

export const component = z
  .object({
    id: z.string(),
    name: z.string(),
    status: componentStatus,
    created_at: time,
    updated_at: time,
    position: z.number().int(),
    description: z.string().nullable(),
    showcase: z.boolean(),
    start_date: z.iso.date().nullable(),
    group_id: z.string().nullable(),
    page_id: z.string(),
    group: z.boolean(),
    only_show_if_degraded: z.boolean(),
    components: z.array(z.string()).optional(),
  })
  .strict();

const incidentUpdate = z
  .object({
    id: z.string(),
    status: z.enum([
      "investigating",
      "identified",
      "monitoring",
      "resolved",
      "postmortem",
      "scheduled",
      "in_progress",
      "verifying",
      "completed",
    ]),
    body: z.string(),
    incident_id: z.string(),
    created_at: time,
    updated_at: time,
    display_at: time,
    affected_components: z
      .array(z.object({ code: z.string(), name: z.string(), old_status: componentStatus, new_status: componentStatus }).strict())
      .nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.string().nullable(),
    tweet_id: z.string().nullable(),
  })
  .strict();

const incidentFields = {
  id: z.string(),
  name: z.string(),
  created_at: time,
  updated_at: time,
  monitoring_at: time.nullable(),
  resolved_at: time.nullable(),
  shortlink: z.url(),
  started_at: time,
  page_id: z.string(),
  incident_updates: z.array(incidentUpdate),
  components: z.array(component),
};

export const incident = z
  .object({
    ...incidentFields,
    status: z.enum(["investigating", "identified", "monitoring", "resolved", "postmortem"]),
    impact: z.enum(["none", "minor", "major", "critical"]),
  })
  .strict();

export const scheduledMaintenance = z
  .object({
    ...incidentFields,
    status: z.enum(["scheduled", "in_progress", "verifying", "completed"]),
    impact: z.enum(["none", "minor", "major", "critical", "maintenance"]),
    scheduled_for: time,
    scheduled_until: time,
  })
  .strict();

export const endpoints = {
  "summary.json": z
    .object({
      page,
      components: z.array(component),
      incidents: z.array(incident),
      scheduled_maintenances: z.array(scheduledMaintenance),
      status,
    })
    .strict(),
  "status.json": z.object({ page, status }).strict(),
  "components.json": z.object({ page, components: z.array(component) }).strict(),
  "incidents.json": z.object({ page, incidents: z.array(incident) }).strict(),
  "incidents/unresolved.json": z.object({ page, incidents: z.array(incident) }).strict(),
  "scheduled-maintenances.json": z.object({ page, scheduled_maintenances: z.array(scheduledMaintenance) }).strict(),
  "scheduled-maintenances/upcoming.json": z.object({ page, scheduled_maintenances: z.array(scheduledMaintenance) }).strict(),
  "scheduled-maintenances/active.json": z.object({ page, scheduled_maintenances: z.array(scheduledMaintenance) }).strict(),
};
