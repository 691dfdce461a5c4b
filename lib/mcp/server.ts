// The MCP server at /api/mcp (Streamable HTTP, stateless: one server per
// request, authenticated by an API token). Its tools read status,
// components and incidents, and *draft* incidents and updates. No tool
// publishes or notifies: a draft waits for a person in the admin.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";
import { ApiError, toApiErrorResponse } from "../api/errors";
import { authenticateRequest } from "../api/handle";
import { MAX_BODY_BYTES } from "../api/read-body";
import { toComponentList, toIncidentJson } from "../api/responses";
import type { TokenActor } from "../api-tokens/authenticate";
import { hasPermission } from "../auth/roles";
import { rollUpStatus } from "../components/rollup";
import { listComponentTree } from "../components/queries";
import { DomainError } from "../errors";
import { findIncidentForOperators, listIncidentsForOperators } from "../incidents/queries";
import { draftIncident, draftUpdate } from "./draft-tools";
import { draftIncidentSchema, draftUpdateSchema } from "../drafts/schemas";

type ToolResult = { content: { type: "text"; text: string }[]; isError?: boolean };

const json = (value: unknown): ToolResult => ({ content: [{ type: "text", text: JSON.stringify(value, null, 2) }] });

/** Domain refusals become tool errors the model can read; anything else propagates. */
async function answer(work: () => Promise<unknown>): Promise<ToolResult> {
  try {
    return json(await work());
  } catch (error) {
    if (error instanceof DomainError || error instanceof z.ZodError)
      return { content: [{ type: "text", text: error.message }], isError: true };
    throw error;
  }
}

function buildServer(actor: TokenActor): McpServer {
  const server = new McpServer({ name: "candor", version: "1.0.0" });
  server.registerTool(
    "get_status",
    { description: "The status page now: overall indicator, each component's status, and open incidents and maintenance." },
    () =>
      answer(async () => {
        const [tree, { open }] = await Promise.all([listComponentTree(), listIncidentsForOperators()]);
        const components = toComponentList(tree).components;
        const indicator = rollUpStatus(
          components.filter((component) => component.isVisible).map((component) => component.status),
          open.filter((incident) => incident.kind === "incident").map((incident) => incident.impact),
        );
        return {
          indicator,
          components: components.map(({ id, name, status }) => ({ id, name, status })),
          open: open.map(({ id, kind, title, impact, status }) => ({ id, kind, title, impact, status })),
        };
      }),
  );
  server.registerTool("list_components", { description: "Every component with its id, group and status." }, () =>
    answer(async () => toComponentList(await listComponentTree())),
  );
  server.registerTool(
    "list_incidents",
    { description: "Open incidents and maintenance, then the latest closed ones (titles and statuses)." },
    () =>
      answer(async () => {
        const { open, closed } = await listIncidentsForOperators();
        const brief = ({ id, kind, title, impact, status, startedAt }: (typeof open)[number]) => ({
          id,
          kind,
          title,
          impact,
          status,
          startedAt,
        });
        return { open: open.map(brief), closed: closed.map(brief) };
      }),
  );
  server.registerTool(
    "get_incident",
    { description: "One incident with its whole timeline.", inputSchema: { incidentId: z.string().min(1).max(64) } },
    ({ incidentId }) =>
      answer(async () => {
        const view = await findIncidentForOperators(incidentId);
        if (!view) throw new ApiError(404, "not_found", "No incident has this id.");
        return toIncidentJson(view);
      }),
  );
  if (hasPermission(actor.role, "incidents:write")) {
    server.registerTool(
      "draft_incident",
      {
        description:
          "Propose a new incident. It is NOT published: it waits as a draft at the top of Candor's admin until a person publishes or dismisses it.",
        inputSchema: draftIncidentSchema.shape,
      },
      (input) => answer(() => draftIncident(actor, draftIncidentSchema.parse(input))),
    );
    server.registerTool(
      "draft_update",
      {
        description:
          "Propose an update to an open incident (e.g. identified, monitoring, resolved). It is NOT published: a person publishes it.",
        inputSchema: draftUpdateSchema.shape,
      },
      (input) => answer(() => draftUpdate(actor, draftUpdateSchema.parse(input))),
    );
  }
  return server;
}

export async function handleMcpRequest(request: Request): Promise<Response> {
  try {
    const actor = await authenticateRequest(request, "admin:read");
    if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) {
      throw new ApiError(413, "body_too_large", `The body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes.`);
    }
    const server = buildServer(actor);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    // Stateless: the answer is complete (JSON, not a stream), so the server can go.
    void server.close();
    return response;
  } catch (error) {
    return toApiErrorResponse(error);
  }
}
