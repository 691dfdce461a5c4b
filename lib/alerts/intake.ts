// POST /api/v1/alerts/{alertmanager|grafana|generic}: third-party payloads,
// so unlike the REST endpoints unknown fields are accepted (their senders
// add fields over time); what Candor reads is validated.
import { z } from "zod";
import { ApiError, toApiErrorResponse } from "../api/errors";
import { authenticateRequest, showChange, type Endpoint } from "../api/handle";
import { parseJsonObject, readBodyText } from "../api/read-body";
import {
  ALERT_SOURCES,
  alertmanagerPayloadSchema,
  genericPayloadSchema,
  grafanaPayloadSchema,
  normalizeAlerts,
  type AlertSource,
} from "./payloads";
import { receiveAlerts } from "./receive-alerts";

const alertResultsSchema = z
  .object({
    results: z.array(
      z.object({
        fingerprint: z.string(),
        outcome: z.enum(["draft_created", "attached", "resolve_proposed", "draft_marked_resolved", "ignored"]),
        draftId: z.string().nullable(),
        incidentId: z.string().nullable(),
        isPublished: z.boolean().describe("True only when the matching rule says “publish automatically”."),
      }),
    ),
  })
  .meta({ id: "AlertResults" });

export const ALERT_INTAKE_ENDPOINT: Endpoint = {
  operationId: "receiveAlerts",
  method: "POST",
  path: "/alerts/{source}",
  tag: "Alert intake",
  summary: "Receive alerts (Alertmanager, Grafana, or any tool)",
  description:
    "`source` is alertmanager (webhook payload version 4), grafana (alerting webhook contact point) or generic. A firing alert creates a draft incident that waits for a person in the admin; repeats of its fingerprint attach to it; a resolved alert proposes Resolve. Rules in Admin → Alert rules map labels to components and severities to impact, and may publish automatically.",
  permission: "incidents:write",
  body: z.union([alertmanagerPayloadSchema, grafanaPayloadSchema, genericPayloadSchema]),
  isWrite: true,
  response: { status: 200, description: "What became of each alert.", schema: alertResultsSchema },
  run: async (actor, input, params) => ({ results: await receiveAlerts(actor, normalizeAlerts(params.source as AlertSource, input)) }),
};

export async function handleAlertIntake(request: Request, source: string): Promise<Response> {
  try {
    if (!(ALERT_SOURCES as readonly string[]).includes(source)) {
      throw new ApiError(404, "not_found", `Unknown alert source “${source}”. Use alertmanager, grafana or generic.`, "source");
    }
    const actor = await authenticateRequest(request, ALERT_INTAKE_ENDPOINT.permission);
    const payload = parseJsonObject(await readBodyText(request));
    const body = (await ALERT_INTAKE_ENDPOINT.run(actor, payload, { source })) as z.infer<typeof alertResultsSchema>;
    if (body.results.some((result) => result.isPublished)) await showChange();
    return Response.json(body);
  } catch (error) {
    return toApiErrorResponse(error);
  }
}
