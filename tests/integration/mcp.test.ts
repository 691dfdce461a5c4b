import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { listOpenDrafts } from "@/lib/drafts/queries";
import { handleMcpRequest } from "@/lib/mcp/server";
import { createAdmin } from "../support/factories";

let admin: { id: string; email: string };
let responder: string;
let viewer: string;
let componentId: string;
const clients: Client[] = [];

/** The SDK's own client, speaking Streamable HTTP to the route handler in-process. */
async function connect(token: string | null): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL("http://candor.test/api/mcp"), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
    fetch: (url, init) => handleMcpRequest(new Request(url, init)),
  });
  const client = new Client({ name: "candor-test", version: "1.0.0" });
  await client.connect(transport);
  clients.push(client);
  return client;
}

function textOf(result: Awaited<ReturnType<Client["callTool"]>>) {
  return (result.content as { type: string; text: string }[])[0]!.text;
}

beforeAll(async () => {
  admin = await createAdmin();
  responder = (await createApiToken(admin, { name: "assistant", role: "responder" })).token;
  viewer = (await createApiToken(admin, { name: "reader", role: "viewer" })).token;
  componentId = (await createComponent(admin, { name: "Checkout", isVisible: true })).id;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe("the MCP server", () => {
  it("lets a client read status and components, and draft an incident that nothing publishes", async () => {
    const client = await connect(responder);
    const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
    expect(tools).toEqual(["draft_incident", "draft_update", "get_incident", "get_status", "list_components", "list_incidents"]);
    const status = JSON.parse(textOf(await client.callTool({ name: "get_status", arguments: {} })));
    expect(status).toMatchObject({
      indicator: "none",
      components: [{ id: componentId, name: "Checkout", status: "operational" }],
      open: [],
    });

    const drafted = await client.callTool({
      name: "draft_incident",
      arguments: {
        title: "Checkout errors",
        impact: "major",
        status: "investigating",
        message: "Some payments fail.",
        components: [{ componentId, status: "partial_outage" }],
      },
    });
    expect(drafted.isError).toBeFalsy();
    expect(JSON.parse(textOf(drafted))).toMatchObject({ state: "draft" });
    expect(await prisma.incident.count()).toBe(0);
    const [draft] = await listOpenDrafts();
    expect(draft).toMatchObject({ kind: "incident", source: "MCP: assistant", title: "Checkout errors" });
  });

  it("drafts an update that an operator publishes, and refuses one for an unknown or closed incident", async () => {
    const { id: incidentId } = await declareIncident(admin, {
      title: "Search slow",
      impact: "minor",
      status: "investigating",
      message: "Looking.",
      components: [],
    });
    const client = await connect(responder);
    const drafted = await client.callTool({
      name: "draft_update",
      arguments: { incidentId, status: "identified", message: "An index was missing.", components: [] },
    });
    expect(drafted.isError).toBeFalsy();
    const draft = (await listOpenDrafts()).find((entry) => entry.incidentId === incidentId)!;
    expect(draft).toMatchObject({ kind: "update", status: "identified" });
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("INVESTIGATING");
    await publishDraft(admin, { draftId: draft.id, setBanner: false });
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("IDENTIFIED");

    const unknown = await client.callTool({
      name: "draft_update",
      arguments: { incidentId: "nope", status: "identified", message: "x", components: [] },
    });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/No incident/);
    const incident = JSON.parse(textOf(await client.callTool({ name: "get_incident", arguments: { incidentId } })));
    expect(incident.updates.map((update: { status: string }) => update.status)).toEqual(["identified", "investigating"]);
  });

  it("offers a viewer token only the reading tools, and refuses a missing token", async () => {
    const client = await connect(viewer);
    expect((await client.listTools()).tools.map((tool) => tool.name)).not.toContain("draft_incident");
    await expect(connect(null)).rejects.toThrow(/401|API token/);
  });
});
