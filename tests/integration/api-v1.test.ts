import { validate as validateOpenApi } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-token";
import { prisma } from "@/lib/db";
import { createAdmin } from "../support/factories";
import { callApi, openApiDocument } from "../support/api-client";

type RequestDoc = { requestBody: { content: { "application/json": { schema: object } } } };

let admin: { id: string; email: string };
let responder: string;
let viewer: string;
let componentId: string;

beforeAll(async () => {
  admin = await createAdmin();
  responder = (await createApiToken(admin, { name: "deploy bot", role: "responder" })).token;
  viewer = (await createApiToken(admin, { name: "dashboard", role: "viewer" })).token;
  const created = await callApi("POST", "/components", { token: responder, body: { name: "API", isVisible: true } });
  expect(created.status).toBe(201);
  componentId = created.body.id;
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document describing every endpoint", async () => {
    const result = await validateOpenApi(structuredClone(openApiDocument) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    const declareBody = (openApiDocument.paths["/incidents"]!.post as unknown as RequestDoc).requestBody.content["application/json"].schema;
    const validate = new Ajv2020({ strict: false }).compile(declareBody);
    const good = {
      title: "x",
      impact: "minor",
      status: "investigating",
      message: "m",
      components: [{ componentId: "c", status: "major_outage" }],
    };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, components: [{ componentId: "c", status: "major_outage", note: "?" }] })).toBe(false);
    expect(validate({ ...good, impact: 3 })).toBe(false);
    expect(Object.keys(openApiDocument.paths)).toEqual(
      expect.arrayContaining(["/components", "/incidents", "/incidents/{incidentId}/updates", "/maintenance", "/banner"]),
    );
  });
});

describe("API tokens", () => {
  it("refuses a missing, unknown, revoked or expired token with 401 and the error shape", async () => {
    const missing = await callApi("GET", "/components");
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: "unauthenticated", field: null });
    expect((await callApi("GET", "/components", { token: "candor_nope" })).status).toBe(401);

    const revoked = await createApiToken(admin, { name: "old", role: "responder" });
    await revokeApiToken(admin, revoked.id);
    const answer = await callApi("GET", "/components", { token: revoked.token });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/revoked/);

    const expiring = await createApiToken(admin, { name: "short", role: "viewer", expiresOn: "2099-01-01" });
    await prisma.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callApi("GET", "/components", { token: expiring.token })).body.error.message).toMatch(/expired/);
  });

  it("lets a viewer read but not write (403), and records last use", async () => {
    expect((await callApi("GET", "/incidents", { token: viewer })).status).toBe(200);
    const refused = await callApi("POST", "/incidents", {
      token: viewer,
      body: { title: "x", impact: "minor", status: "investigating", message: "m", components: [] },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect(await prisma.incident.count()).toBe(0);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { name: "dashboard" } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(viewer);
  });
});

describe("incidents", () => {
  it("opens an incident with the banner, posts an update, resolves it, all audited under the token's name", async () => {
    const declared = await callApi("POST", "/incidents", {
      token: responder,
      body: {
        title: "Sign-in failing",
        impact: "major",
        status: "investigating",
        message: "We are investigating.",
        components: [{ componentId, status: "major_outage" }],
        setBanner: true,
        bannerMessage: "Sign-in is failing; we are on it.",
      },
    });
    expect(declared.status).toBe(201);
    const incidentId = declared.body.id;
    // A major incident defaults to a critical banner (issue 17: the banner follows the incident).
    const banner = await callApi("GET", "/banner", { token: viewer });
    expect(banner.body.banner).toMatchObject({ message: "Sign-in is failing; we are on it.", severity: "critical", incidentId });

    const update = await callApi("POST", `/incidents/${incidentId}/updates`, {
      token: responder,
      body: { status: "identified", message: "A bad deploy.", components: [] },
    });
    expect(update.status).toBe(201);
    const resolved = await callApi("POST", `/incidents/${incidentId}/resolve`, { token: responder, body: {} });
    expect(resolved.status).toBe(201);
    const incident = await callApi("GET", `/incidents/${incidentId}`, { token: viewer });
    expect(incident.body).toMatchObject({ status: "resolved", components: [{ id: componentId }] });
    expect(incident.body.updates.map((entry: { status: string }) => entry.status)).toEqual(["resolved", "identified", "investigating"]);
    const components = await callApi("GET", "/components", { token: viewer });
    expect(components.body.components.find((entry: { id: string }) => entry.id === componentId).status).toBe("operational");

    const audit = await prisma.auditLog.findMany({ where: { entityId: incidentId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ["incident.declared", "API token “deploy bot”"],
      ["incident.update_posted", "API token “deploy bot”"],
      ["incident.update_posted", "API token “deploy bot”"],
    ]);
    expect(audit.every((entry) => entry.apiTokenId !== null)).toBe(true);

    const again = await callApi("POST", `/incidents/${incidentId}/resolve`, { token: responder, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/resolved/);
  });

  it("answers bad input with a precise 400 naming the field, and writes nothing", async () => {
    const before = await prisma.incident.count();
    const malformed = await callApi("POST", "/incidents", { token: responder, rawBody: '{"title": "x",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");
    const notObject = await callApi("POST", "/incidents", { token: responder, rawBody: "[1]" });
    expect(notObject.body.error.code).toBe("invalid_json");
    const unknown = await callApi("POST", "/incidents", {
      token: responder,
      body: { title: "x", impact: "minor", status: "investigating", message: "m", components: [], colour: "red" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "unknown_field", field: "colour" });
    const wrongType = await callApi("POST", "/incidents", {
      token: responder,
      body: { title: "x", impact: 3, status: "investigating", message: "m", components: [] },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toMatchObject({ code: "invalid_field", field: "impact" });
    const unknownNested = await callApi("POST", "/incidents", {
      token: responder,
      body: {
        title: "x",
        impact: "minor",
        status: "investigating",
        message: "m",
        components: [{ componentId, status: "major_outage", note: "?" }],
      },
    });
    expect(unknownNested.body.error).toMatchObject({ code: "unknown_field", field: "components.0.note" });
    const nested = await callApi("POST", "/incidents", {
      token: responder,
      body: { title: "x", impact: "minor", status: "investigating", message: "m", components: [{ componentId, status: "on fire" }] },
    });
    expect(nested.body.error.field).toBe("components.0.status");
    const unknownComponent = await callApi("POST", "/incidents", {
      token: responder,
      body: {
        title: "x",
        impact: "minor",
        status: "investigating",
        message: "m",
        components: [{ componentId: "nope", status: "major_outage" }],
      },
    });
    expect(unknownComponent.status).toBeGreaterThanOrEqual(400);
    expect(unknownComponent.status).toBeLessThan(500);
    expect(await prisma.incident.count()).toBe(before);
    expect((await callApi("GET", "/incidents/nope", { token: viewer })).status).toBe(404);
    expect(
      (await callApi("POST", "/incidents/nope/updates", { token: responder, body: { status: "identified", message: "m", components: [] } }))
        .status,
    ).toBe(404);
  });

  it("replays an Idempotency-Key's first answer and refuses the key with another body (409)", async () => {
    const body = { title: "Slow search", impact: "minor", status: "investigating", message: "Looking.", components: [] };
    const headers = { "idempotency-key": "3f1d7c9e-retry" };
    const first = await callApi("POST", "/incidents", { token: responder, body, headers });
    const replay = await callApi("POST", "/incidents", { token: responder, body, headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.incident.count({ where: { title: "Slow search" } })).toBe(1);
    const other = await callApi("POST", "/incidents", { token: responder, body: { ...body, title: "Other" }, headers });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "idempotency_key_reused", field: "Idempotency-Key" });
    const badKey = await callApi("POST", "/incidents", { token: responder, body, headers: { "idempotency-key": "ünïcode" } });
    expect(badKey.status).toBe(400);
  });

  it("refuses a 5 MB body with 413", async () => {
    const answer = await callApi("POST", "/incidents", {
      token: responder,
      rawBody: JSON.stringify({ title: "x", message: "y".repeat(5 * 1024 * 1024) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe("body_too_large");
  });
});

describe("components, groups, maintenance and the banner", () => {
  it("creates, updates and sets the status of components and groups", async () => {
    const group = await callApi("POST", "/component-groups", { token: responder, body: { name: "Core" } });
    expect(group.status).toBe(201);
    const updated = await callApi("PATCH", `/components/${componentId}`, {
      token: responder,
      body: { name: "Public API", groupId: group.body.id, isVisible: true },
    });
    expect(updated.status).toBe(200);
    expect(
      (await callApi("PATCH", `/component-groups/${group.body.id}`, { token: responder, body: { name: "Core platform" } })).status,
    ).toBe(200);
    expect((await callApi("PATCH", "/component-groups/nope", { token: responder, body: { name: "x" } })).status).toBe(404);
    const groups = await callApi("GET", "/component-groups", { token: viewer });
    expect(groups.body.groups).toEqual([{ id: group.body.id, name: "Core platform", componentIds: [componentId] }]);
    const status = await callApi("POST", `/components/${componentId}/status`, {
      token: responder,
      body: { status: "degraded_performance" },
    });
    expect(status.status).toBe(200);
    expect(
      (await callApi("POST", `/components/${componentId}/status`, { token: responder, body: { status: "meh" } })).body.error.field,
    ).toBe("status");
    expect((await callApi("POST", "/components/nope/status", { token: responder, body: { status: "operational" } })).status).toBe(404);
    expect((await callApi("POST", "/component-groups", { token: responder, body: { name: "" } })).body.error.field).toBe("name");
    expect((await callApi("PATCH", "/components/nope", { token: responder, body: { name: "x", isVisible: true } })).status).toBe(404);
    await callApi("POST", `/components/${componentId}/status`, { token: responder, body: { status: "operational" } });
  });

  it("schedules, extends and completes maintenance", async () => {
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const end = new Date(Date.now() + 7_200_000).toISOString();
    const scheduled = await callApi("POST", "/maintenance", {
      token: responder,
      body: {
        title: "Database upgrade",
        message: "Brief read-only period.",
        scheduledStart: start,
        scheduledEnd: end,
        componentIds: [componentId],
      },
    });
    expect(scheduled.status).toBe(201);
    const backwards = await callApi("POST", "/maintenance", {
      token: responder,
      body: { title: "x", message: "y", scheduledStart: end, scheduledEnd: start, componentIds: [componentId] },
    });
    expect(backwards.body.error.field).toBe("scheduledEnd");
    const extended = await callApi("POST", `/maintenance/${scheduled.body.id}/extend`, {
      token: responder,
      body: { scheduledEnd: new Date(Date.now() + 10_800_000).toISOString() },
    });
    expect(extended.status).toBe(200);
    const completed = await callApi("POST", `/maintenance/${scheduled.body.id}/complete`, { token: responder, body: {} });
    expect(completed.status).toBe(201);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: scheduled.body.id } })).status).toBe("COMPLETED");
    expect(
      (await callApi("POST", `/maintenance/${scheduled.body.id}/extend`, { token: responder, body: { scheduledEnd: end } })).status,
    ).toBe(409);
  });

  it("publishes and clears the sign-in banner", async () => {
    const published = await callApi("POST", "/banner", {
      token: responder,
      body: { message: "Planned maintenance tonight.", severity: "info" },
    });
    expect(published.status).toBe(201);
    expect((await callApi("GET", "/banner", { token: viewer })).body.banner.message).toBe("Planned maintenance tonight.");
    const bad = await callApi("POST", "/banner", {
      token: responder,
      body: { message: "x", severity: "info", linkUrl: "javascript:alert(1)" },
    });
    expect(bad.body.error.field).toBe("linkUrl");
    expect((await callApi("DELETE", "/banner", { token: viewer })).status).toBe(403);
    expect((await callApi("DELETE", "/banner", { token: responder })).status).toBe(200);
    expect((await callApi("GET", "/banner", { token: viewer })).body.banner).toBeNull();
  });
});

describe("odd input", () => {
  it("never gets a 5xx", async () => {
    const far = "2999-01-01T00:00Z";
    const cases: [string, string, unknown][] = [
      [
        "POST",
        "/incidents",
        {
          title: "Dup",
          impact: "minor",
          status: "investigating",
          message: "m",
          components: [
            { componentId, status: "major_outage" },
            { componentId, status: "partial_outage" },
          ],
        },
      ],
      ["POST", "/incidents", { title: "Future", impact: "minor", status: "investigating", message: "m", components: [], startedAt: far }],
      ["POST", "/incidents", { title: "Nulls", impact: null, status: null, message: null, components: null }],
      ["POST", "/incidents", { title: "x".repeat(5000), impact: "minor", status: "resolved", message: "m", components: [] }],
      ["POST", "/incidents", { title: { nested: true }, impact: ["minor"], status: 1, message: false, components: "all" }],
      [
        "POST",
        "/maintenance",
        { title: "Dup", message: "m", scheduledStart: far, scheduledEnd: "2999-01-02T00:00Z", componentIds: [componentId, componentId] },
      ],
      [
        "POST",
        "/maintenance",
        {
          title: "Bad date",
          message: "m",
          scheduledStart: "2026-02-31T00:00",
          scheduledEnd: "2026-03-01T00:00",
          componentIds: [componentId],
        },
      ],
      ["POST", "/banner", { message: "x", severity: "info", startsAt: far, endsAt: "1999-01-01T00:00Z" }],
      ["POST", "/banner", { message: "x", severity: "info", incidentId: "does-not-exist" }],
      ["POST", "/components", { name: "\u0000", isVisible: "maybe", groupId: "nope" }],
      ["PATCH", `/components/${"x".repeat(100)}`, { name: "x", isVisible: true }],
      ["POST", `/incidents/${"y".repeat(100)}/resolve`, {}],
      ["POST", "/component-groups", { name: "x".repeat(121) }],
    ];
    for (const [method, path, body] of cases) {
      const answer = await callApi(method, path, { token: responder, body });
      expect(answer.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
    }
  });
});
