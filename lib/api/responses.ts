// What the REST API answers, as zod schemas (for the OpenAPI document) and
// the functions that shape domain views into them.
import { z } from "zod";
import { COMPONENT_STATUSES, INCIDENT_IMPACTS } from "../components/constants";
import type { AdminComponentGroup } from "../components/queries";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../incidents/constants";
import type { IncidentView } from "../incidents/queries";
import type { BannerVersionView } from "../banner/visibility";
import { BANNER_SEVERITIES } from "../banner/constants";

const time = z.string().describe("ISO 8601, UTC");
const nullableTime = time.nullable();
const componentStatus = z.enum(COMPONENT_STATUSES);
const incidentStatus = z.enum([...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]);

export const idResponseSchema = z.object({ id: z.string() }).meta({ id: "Created" });
export const okResponseSchema = z.object({ ok: z.literal(true) }).meta({ id: "Ok" });

export const componentResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    status: componentStatus,
    groupId: z.string().nullable(),
    position: z.number().int(),
    isVisible: z.boolean(),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "Component" });

export const componentListSchema = z.object({ components: z.array(componentResponseSchema) }).meta({ id: "ComponentList" });

export const componentGroupListSchema = z
  .object({ groups: z.array(z.object({ id: z.string(), name: z.string(), componentIds: z.array(z.string()) })) })
  .meta({ id: "ComponentGroupList" });

const updateResponseSchema = z.object({
  id: z.string(),
  status: incidentStatus.nullable().describe("Null for internal notes."),
  message: z.string().describe("Markdown"),
  isInternal: z.boolean(),
  publishedAt: time,
  editedAt: nullableTime,
  authorName: z.string().nullable(),
  componentChanges: z.array(z.object({ componentId: z.string(), name: z.string(), status: componentStatus })),
});

export const incidentResponseSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["incident", "maintenance"]),
    title: z.string(),
    impact: z.enum(INCIDENT_IMPACTS),
    status: incidentStatus,
    startedAt: time,
    resolvedAt: nullableTime,
    scheduledStart: nullableTime,
    scheduledEnd: nullableTime,
    createdAt: time,
    updatedAt: time,
    components: z.array(z.object({ id: z.string(), name: z.string(), status: componentStatus })),
    updates: z.array(updateResponseSchema).describe("Newest first."),
  })
  .meta({ id: "Incident" });

export const incidentListSchema = z
  .object({ open: z.array(incidentResponseSchema), closed: z.array(incidentResponseSchema).describe("The latest 50.") })
  .meta({ id: "IncidentList" });

export const bannerResponseSchema = z
  .object({
    banner: z
      .object({
        id: z.string(),
        version: z.number().int(),
        message: z.string(),
        severity: z.enum(BANNER_SEVERITIES),
        linkUrl: z.string().nullable(),
        linkLabel: z.string().nullable(),
        startsAt: nullableTime,
        endsAt: nullableTime,
        incidentId: z.string().nullable(),
        createdAt: time,
      })
      .nullable()
      .describe("Null when no banner is set (or it was cleared)."),
  })
  .meta({ id: "Banner" });

export const bannerChangeSchema = z.object({ id: z.string(), version: z.number().int() }).meta({ id: "BannerVersion" });

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toComponentList(tree: AdminComponentGroup[]): z.infer<typeof componentListSchema> {
  return {
    components: tree.flatMap((group) =>
      group.components.map((component) => ({
        id: component.id,
        name: component.name,
        description: component.description,
        status: component.status,
        groupId: component.groupId,
        position: component.position,
        isVisible: component.isVisible,
        createdAt: component.createdAt.toISOString(),
        updatedAt: component.updatedAt.toISOString(),
      })),
    ),
  };
}

export function toGroupList(tree: AdminComponentGroup[]): z.infer<typeof componentGroupListSchema> {
  return {
    groups: tree
      .filter((group) => group.id !== null)
      .map((group) => ({ id: group.id!, name: group.name!, componentIds: group.components.map((component) => component.id) })),
  };
}

export function toIncidentJson(view: IncidentView): z.infer<typeof incidentResponseSchema> {
  return {
    id: view.id,
    kind: view.kind,
    title: view.title,
    impact: view.impact,
    status: view.status,
    startedAt: view.startedAt.toISOString(),
    resolvedAt: iso(view.resolvedAt),
    scheduledStart: iso(view.scheduledStart),
    scheduledEnd: iso(view.scheduledEnd),
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
    components: view.components,
    updates: view.updates.map((update) => ({
      id: update.id,
      status: update.status,
      message: update.message,
      isInternal: update.isInternal,
      publishedAt: update.publishedAt.toISOString(),
      editedAt: iso(update.editedAt),
      authorName: update.authorName,
      componentChanges: update.componentChanges,
    })),
  };
}

export function toBannerJson(current: BannerVersionView | null): z.infer<typeof bannerResponseSchema> {
  if (!current || current.isCleared || !current.message || !current.severity) return { banner: null };
  return {
    banner: {
      id: current.id,
      version: current.version,
      message: current.message,
      severity: current.severity,
      linkUrl: current.linkUrl,
      linkLabel: current.linkLabel,
      startsAt: iso(current.startsAt),
      endsAt: iso(current.endsAt),
      incidentId: current.incidentId,
      createdAt: current.createdAt.toISOString(),
    },
  };
}
