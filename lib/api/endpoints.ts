// Every /api/v1 endpoint in one table: the route files, the OpenAPI document
// and the docs page all read it. Bodies are the admin forms' zod schemas and
// work is done by the same lib/<domain> verbs, so there is one path per change.
import { z } from "zod";
import { findCurrentBanner } from "../banner/queries";
import { publishBanner } from "../banner/publish-banner";
import { bannerSchema } from "../banner/schemas";
import { listComponentTree } from "../components/queries";
import { createComponent, updateComponent } from "../components/save-component";
import { createGroup, renameGroup } from "../components/save-group";
import { groupSchema, componentSchema, renameGroupSchema, setComponentStatusSchema, updateComponentSchema } from "../components/schemas";
import { setComponentStatus } from "../components/set-status";
import { NotFoundError } from "../errors";
import { declareIncident } from "../incidents/declare-incident";
import { extendMaintenance } from "../incidents/extend-maintenance";
import { postIncidentUpdate } from "../incidents/post-update";
import { findIncidentForOperators, listIncidentsForOperators } from "../incidents/queries";
import { scheduleMaintenance } from "../incidents/schedule-maintenance";
import {
  componentChangeSchema,
  declareIncidentSchema,
  extendMaintenanceSchema,
  messageSchema,
  postUpdateSchema,
  scheduleMaintenanceSchema,
} from "../incidents/schemas";
import type { Endpoint } from "./handle";
import {
  bannerChangeSchema,
  bannerResponseSchema,
  componentGroupListSchema,
  componentListSchema,
  idResponseSchema,
  incidentListSchema,
  incidentResponseSchema,
  okResponseSchema,
  toBannerJson,
  toComponentList,
  toGroupList,
  toIncidentJson,
} from "./responses";

const id = z.string().min(1).max(64);

/** Resolve / complete: the post-update schema with a default closing message. */
export const closeIncidentSchema = z.object({
  incidentId: id,
  message: messageSchema.optional(),
  components: z.array(componentChangeSchema).max(500).default([]),
});

const created = (description: string) => ({ status: 201 as const, description, schema: idResponseSchema });
const ok = (description: string) => ({ status: 200 as const, description, schema: okResponseSchema });

async function incidentJson(incidentId: string) {
  const view = await findIncidentForOperators(incidentId);
  if (!view) throw new NotFoundError("No incident has this id.");
  return toIncidentJson(view);
}

function define<S extends z.ZodType>(endpoint: Endpoint<S>): Endpoint<S> {
  return endpoint;
}

export const ENDPOINTS = {
  listComponents: define({
    operationId: "listComponents",
    method: "GET",
    path: "/components",
    tag: "Components",
    summary: "List components",
    description: "Every component, hidden ones too, in page order.",
    permission: "admin:read",
    isWrite: false,
    response: { status: 200, description: "The components.", schema: componentListSchema },
    run: async () => toComponentList(await listComponentTree()),
  }),
  createComponent: define({
    operationId: "createComponent",
    method: "POST",
    path: "/components",
    tag: "Components",
    summary: "Create a component",
    description: "Added at the end of its group, operational from now.",
    permission: "components:write",
    body: componentSchema,
    isWrite: true,
    response: created("The new component's id."),
    run: (actor, input) => createComponent(actor, input),
  }),
  updateComponent: define({
    operationId: "updateComponent",
    method: "PATCH",
    path: "/components/{componentId}",
    tag: "Components",
    summary: "Update a component",
    description: "Name, description, group and visibility (send them all).",
    permission: "components:write",
    body: updateComponentSchema,
    isWrite: true,
    response: ok("Saved."),
    run: async (actor, input) => {
      await updateComponent(actor, input);
      return { ok: true };
    },
  }),
  setComponentStatus: define({
    operationId: "setComponentStatus",
    method: "POST",
    path: "/components/{componentId}/status",
    tag: "Components",
    summary: "Set a component's status",
    description: "By hand, from now (incidents set statuses themselves).",
    permission: "components:write",
    body: setComponentStatusSchema,
    isWrite: true,
    response: ok("Set."),
    run: async (actor, input) => {
      await setComponentStatus(actor, input);
      return { ok: true };
    },
  }),
  listComponentGroups: define({
    operationId: "listComponentGroups",
    method: "GET",
    path: "/component-groups",
    tag: "Components",
    summary: "List component groups",
    permission: "admin:read",
    isWrite: false,
    response: { status: 200, description: "The groups, in page order.", schema: componentGroupListSchema },
    run: async () => toGroupList(await listComponentTree()),
  }),
  createComponentGroup: define({
    operationId: "createComponentGroup",
    method: "POST",
    path: "/component-groups",
    tag: "Components",
    summary: "Create a component group",
    permission: "components:write",
    body: groupSchema,
    isWrite: true,
    response: created("The new group's id."),
    run: (actor, input) => createGroup(actor, input.name),
  }),
  renameComponentGroup: define({
    operationId: "renameComponentGroup",
    method: "PATCH",
    path: "/component-groups/{groupId}",
    tag: "Components",
    summary: "Rename a component group",
    permission: "components:write",
    body: renameGroupSchema,
    isWrite: true,
    response: ok("Renamed."),
    run: async (actor, input) => {
      await renameGroup(actor, input.groupId, input.name);
      return { ok: true };
    },
  }),
  listIncidents: define({
    operationId: "listIncidents",
    method: "GET",
    path: "/incidents",
    tag: "Incidents",
    summary: "List incidents and maintenance",
    description: "Everything open, then the latest 50 closed.",
    permission: "admin:read",
    isWrite: false,
    response: { status: 200, description: "Open and recently closed incidents.", schema: incidentListSchema },
    run: async () => {
      const { open, closed } = await listIncidentsForOperators();
      return { open: open.map(toIncidentJson), closed: closed.map(toIncidentJson) };
    },
  }),
  getIncident: define({
    operationId: "getIncident",
    method: "GET",
    path: "/incidents/{incidentId}",
    tag: "Incidents",
    summary: "Get an incident",
    description: "With its whole timeline, internal notes included.",
    permission: "admin:read",
    isWrite: false,
    response: { status: 200, description: "The incident.", schema: incidentResponseSchema },
    run: (_actor, _input, params) => incidentJson(params.incidentId!),
  }),
  declareIncident: define({
    operationId: "declareIncident",
    method: "POST",
    path: "/incidents",
    tag: "Incidents",
    summary: "Open an incident",
    description:
      "Public at once, with its first update. `startedAt` may lie in the past. `setBanner` with `bannerMessage` also publishes the sign-in banner, linked to the incident.",
    permission: "incidents:write",
    body: declareIncidentSchema,
    isWrite: true,
    response: created("The new incident's id."),
    run: (actor, input) => declareIncident(actor, input),
  }),
  postIncidentUpdate: define({
    operationId: "postIncidentUpdate",
    method: "POST",
    path: "/incidents/{incidentId}/updates",
    tag: "Incidents",
    summary: "Post an update",
    description:
      "`publishedAt` may be backdated. Closing (resolved, completed) returns affected components to operational unless `components` says otherwise.",
    permission: "incidents:write",
    body: postUpdateSchema,
    isWrite: true,
    response: created("The update's id."),
    run: async (actor, input) => ({ id: (await postIncidentUpdate(actor, input)).id }),
  }),
  resolveIncident: define({
    operationId: "resolveIncident",
    method: "POST",
    path: "/incidents/{incidentId}/resolve",
    tag: "Incidents",
    summary: "Resolve an incident",
    description: "Posts a resolved update (message optional).",
    permission: "incidents:write",
    body: closeIncidentSchema,
    isWrite: true,
    response: created("The resolving update's id."),
    run: async (actor, input) => ({
      id: (
        await postIncidentUpdate(actor, {
          incidentId: input.incidentId,
          status: "resolved",
          message: input.message ?? "This incident has been resolved.",
          components: input.components,
        })
      ).id,
    }),
  }),
  scheduleMaintenance: define({
    operationId: "scheduleMaintenance",
    method: "POST",
    path: "/maintenance",
    tag: "Maintenance",
    summary: "Schedule maintenance",
    description: "Times are UTC. The clock starts and completes it at the window's edges.",
    permission: "incidents:write",
    body: scheduleMaintenanceSchema,
    isWrite: true,
    response: created("The maintenance's id."),
    run: (actor, input) => scheduleMaintenance(actor, input),
  }),
  extendMaintenance: define({
    operationId: "extendMaintenance",
    method: "POST",
    path: "/maintenance/{incidentId}/extend",
    tag: "Maintenance",
    summary: "Move a maintenance window's end",
    permission: "incidents:write",
    body: extendMaintenanceSchema,
    isWrite: true,
    response: ok("Changed."),
    run: async (actor, input) => {
      await extendMaintenance(actor, input);
      return { ok: true };
    },
  }),
  completeMaintenance: define({
    operationId: "completeMaintenance",
    method: "POST",
    path: "/maintenance/{incidentId}/complete",
    tag: "Maintenance",
    summary: "Complete maintenance now",
    permission: "incidents:write",
    body: closeIncidentSchema,
    isWrite: true,
    response: created("The completing update's id."),
    run: async (actor, input) => ({
      id: (
        await postIncidentUpdate(actor, {
          incidentId: input.incidentId,
          status: "completed",
          message: input.message ?? "The scheduled maintenance has been completed.",
          components: input.components,
        })
      ).id,
    }),
  }),
  getBanner: define({
    operationId: "getBanner",
    method: "GET",
    path: "/banner",
    tag: "Sign-in banner",
    summary: "Get the current sign-in banner",
    description: "The newest version, even if its schedule has not started.",
    permission: "admin:read",
    isWrite: false,
    response: { status: 200, description: "The banner, or null.", schema: bannerResponseSchema },
    run: async () => toBannerJson(await findCurrentBanner()),
  }),
  publishBanner: define({
    operationId: "publishBanner",
    method: "POST",
    path: "/banner",
    tag: "Sign-in banner",
    summary: "Publish the sign-in banner",
    description: "A new version; the full history is kept.",
    permission: "banner:write",
    body: bannerSchema,
    isWrite: true,
    response: { status: 201, description: "The new version.", schema: bannerChangeSchema },
    run: (actor, input) => publishBanner(actor, { kind: "publish", input }),
  }),
  clearBanner: define({
    operationId: "clearBanner",
    method: "DELETE",
    path: "/banner",
    tag: "Sign-in banner",
    summary: "Clear the sign-in banner",
    permission: "banner:write",
    isWrite: true,
    response: { status: 200, description: "The clearing version.", schema: bannerChangeSchema },
    run: (actor) => publishBanner(actor, { kind: "clear" }),
  }),
} satisfies Record<string, Endpoint>;
