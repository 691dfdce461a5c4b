import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALERT_INTAKE_ENDPOINT } from "@/lib/alerts/intake";
import { alertRuleSchema } from "@/lib/alerts/rule-schemas";
import { createAlertRule } from "@/lib/alerts/save-rule";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { prisma } from "@/lib/db";
import { dismissDraft } from "@/lib/drafts/dismiss-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { listOpenDrafts } from "@/lib/drafts/queries";
import { createComponent } from "@/lib/components/save-component";
import { getEnv } from "@/lib/env";
import { answerLauncherRoute } from "@/lib/launcher/launcher-routes";
import { addOperator, createAdmin } from "../support/factories";
import { expectDocumented } from "../support/api-client";

let admin: { id: string; email: string };
let token: string;
let viewer: string;
let apiComponent: string;
let intakeUrl: string;

// Alerts arrive as they do under `npm start`: over HTTP, answered by the launcher before Next.js.
const launcher = http.createServer((request, response) => {
  if (!answerLauncherRoute(request, response, getEnv())) response.writeHead(404).end("not a launcher route");
});

// Alertmanager's webhook payload, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config).
function alertmanager(status: "firing" | "resolved", fingerprint = "c4f0b2d1a9e8f7a6") {
  return {
    version: "4",
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status,
    receiver: "candor",
    groupLabels: { alertname: "HighErrorRate" },
    commonLabels: { alertname: "HighErrorRate", service: "api", severity: "critical" },
    commonAnnotations: { summary: "5xx responses above 5%" },
    externalURL: "http://alertmanager.example:9093",
    alerts: [
      {
        status,
        labels: { alertname: "HighErrorRate", service: "api", severity: "critical", instance: "api-1" },
        annotations: { summary: "5xx responses above 5%", description: "api-1 answers 12% 5xx" },
        startsAt: "2026-12-03T07:00:00.000Z",
        endsAt: status === "resolved" ? "2026-12-03T07:20:00.000Z" : "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example:9090/graph?g0.expr=rate",
        fingerprint,
      },
    ],
  };
}

// Grafana alerting's webhook contact point payload (grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/).
function grafana(status: "firing" | "resolved") {
  return {
    receiver: "candor",
    status,
    orgId: 1,
    alerts: [
      {
        status,
        labels: { alertname: "DB latency", grafana_folder: "Infra", service: "db", severity: "warning" },
        annotations: { summary: "Database p99 above 2 s" },
        startsAt: "2026-12-03T07:00:00Z",
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://grafana.example/alerting/grafana/abc/view",
        fingerprint: "57c6d9296de2ad39",
        silenceURL: "http://grafana.example/alerting/silence/new",
        dashboardURL: "",
        panelURL: "",
        values: { B: 2.3 },
        valueString: "[ var='B' labels={} value=2.3 ]",
      },
    ],
    groupLabels: { alertname: "DB latency" },
    commonLabels: { alertname: "DB latency", service: "db", severity: "warning" },
    commonAnnotations: { summary: "Database p99 above 2 s" },
    externalURL: "http://grafana.example/",
    version: "1",
    groupKey: '{}:{alertname="DB latency"}',
    truncatedAlerts: 0,
    title: "[FIRING:1] DB latency Infra",
    state: "alerting",
    message: "**Firing**\n\nValue: B=2.3",
  };
}

async function post(source: string, body: unknown, bearer: string | null = token) {
  const response = await fetch(`${intakeUrl}/api/v1/alerts/${source}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const json = await response.json();
  expectDocumented(ALERT_INTAKE_ENDPOINT, response.status, json);
  return { status: response.status, body: json };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => launcher.listen(0, "127.0.0.1", resolve));
  intakeUrl = `http://127.0.0.1:${(launcher.address() as AddressInfo).port}`;
  admin = await createAdmin();
  await addOperator(admin, "rita@example.com", "responder");
  await addOperator(admin, "vic@example.com", "viewer");
  token = (await createApiToken(admin, { name: "alertmanager", role: "responder" })).token;
  viewer = (await createApiToken(admin, { name: "grafana viewer", role: "viewer" })).token;
  apiComponent = (await createComponent(admin, { name: "Public API", isVisible: true })).id;
  await createAlertRule(
    admin,
    alertRuleSchema.parse({
      name: "API",
      matchLabels: "service=api",
      componentIds: [apiComponent],
      componentStatus: "partial_outage",
      severityImpacts: "critical=major, warning=minor",
      defaultImpact: "minor",
    }),
  );
});

afterAll(() => new Promise<void>((resolve) => launcher.close(() => resolve())));

describe("Alertmanager alerts", () => {
  it("turn into one draft (not public) however often they repeat, then a resolved alert proposes Resolve", async () => {
    const first = await post("alertmanager", alertmanager("firing"));
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([
      { fingerprint: "c4f0b2d1a9e8f7a6", outcome: "draft_created", draftId: expect.any(String), incidentId: null, isPublished: false },
    ]);
    for (let i = 0; i < 3; i++) expect((await post("alertmanager", alertmanager("firing"))).body.results[0].outcome).toBe("attached");
    expect(await prisma.incident.count()).toBe(0);
    const [draft] = await listOpenDrafts();
    expect(draft).toMatchObject({
      kind: "incident",
      source: "Alertmanager",
      title: "Problems with Public API",
      impact: "major",
      status: "investigating",
      components: [{ componentId: apiComponent, name: "Public API", status: "partial_outage" }],
      alertCount: 4,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "draft.created" } });
    expect(audit.actorEmail).toBe("API token “alertmanager”");
    // Everyone who may publish it hears of the draft once, through the outbox; repeats add nothing.
    const notices = await prisma.outboxMessage.findMany({ where: { kind: "notice", dispatchId: `draft:${draft!.id}` } });
    expect(notices.map((notice) => notice.recipient).sort()).toEqual(["ada@example.com", "rita@example.com"]);
    expect(notices[0]!.priority).toBe(0);
    expect(notices[0]!.payload).toMatchObject({
      subject: "Draft waiting: Problems with Public API",
      text: expect.stringContaining("/admin"),
    });

    const { incidentId } = await publishDraft(admin, { draftId: draft!.id, setBanner: true, bannerMessage: "API errors; we are on it." });
    const incident = await prisma.incident.findUniqueOrThrow({ where: { id: incidentId }, include: { banners: true } });
    expect(incident).toMatchObject({ title: "Problems with Public API", status: "INVESTIGATING", impact: "MAJOR" });
    expect(incident.banners).toHaveLength(1);
    expect(await listOpenDrafts()).toEqual([]);
    expect((await post("alertmanager", alertmanager("firing"))).body.results[0]).toMatchObject({ outcome: "attached", incidentId });

    const resolved = await post("alertmanager", alertmanager("resolved"));
    expect(resolved.body.results[0]).toMatchObject({ outcome: "resolve_proposed", incidentId });
    expect((await post("alertmanager", alertmanager("resolved"))).body.results[0].outcome).toBe("attached");
    const [proposal] = await listOpenDrafts();
    expect(proposal).toMatchObject({ kind: "update", status: "resolved", incidentId, incidentTitle: "Problems with Public API" });
    await publishDraft(admin, { draftId: proposal!.id, setBanner: false });
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("RESOLVED");
    await expect(publishDraft(admin, { draftId: proposal!.id, setBanner: false })).rejects.toThrow(/already published/);

    // Firing again after the incident was resolved is a new problem: a new draft.
    expect((await post("alertmanager", alertmanager("firing"))).body.results[0].outcome).toBe("draft_created");
  });

  it("make one draft when a flood of one new fingerprint arrives at once, and answer every request", async () => {
    // More than the pool (10 connections) can hold waiting for the first to make its draft.
    const answers = await Promise.all(Array.from({ length: 300 }, () => post("alertmanager", alertmanager("firing", "flood-1"))));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.body.results[0].outcome === "draft_created")).toHaveLength(1);
    const alert = await prisma.alert.findUniqueOrThrow({ where: { fingerprint: "flood-1" } });
    expect(alert.receivedCount).toBe(300);
  });
});

describe("Grafana and generic alerts", () => {
  it("mark an unpublished draft when its alert resolves, and a dismissed draft stays dismissed while it fires", async () => {
    const firing = await post("grafana", grafana("firing"));
    expect(firing.body.results[0].outcome).toBe("draft_created");
    const draftId = firing.body.results[0].draftId;
    const draft = (await listOpenDrafts()).find((entry) => entry.id === draftId)!;
    expect(draft).toMatchObject({ source: "Grafana", title: "Database p99 above 2 s", impact: "minor", components: [] });
    expect((await post("grafana", grafana("resolved"))).body.results[0].outcome).toBe("draft_marked_resolved");
    expect((await listOpenDrafts()).find((entry) => entry.id === draftId)!.isAlertResolved).toBe(true);
    await dismissDraft(admin, draftId);
    expect((await post("generic", { status: "firing", title: "Queue backlog", fingerprint: "q-1" })).body.results[0].outcome).toBe(
      "draft_created",
    );
    const dismissedId = (await post("generic", { status: "firing", title: "Queue backlog", fingerprint: "q-1" })).body.results[0].draftId;
    await dismissDraft(admin, dismissedId);
    expect((await post("generic", { status: "firing", title: "Queue backlog", fingerprint: "q-1" })).body.results[0].outcome).toBe(
      "attached",
    );
  });

  it("publish at once when the rule says so", async () => {
    await createAlertRule(
      admin,
      alertRuleSchema.parse({
        name: "Payments",
        matchLabels: "service=payments",
        componentIds: [],
        componentStatus: "major_outage",
        severityImpacts: "",
        defaultImpact: "critical",
        isAutoPublish: "on",
      }),
    );
    const answer = await post("generic", { status: "firing", title: "Payments down", labels: { service: "payments" } });
    expect(answer.body.results[0]).toMatchObject({ outcome: "draft_created", isPublished: true, incidentId: expect.any(String) });
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: answer.body.results[0].incidentId } })).toMatchObject({
      title: "Payments down",
      impact: "CRITICAL",
    });
  });

  it("refuse bad input precisely and never with a 5xx", async () => {
    expect((await post("generic", { status: "firing" })).body.error).toMatchObject({ code: "invalid_field", field: "title" });
    expect((await post("generic", { status: "firing", title: "x", colour: "red" })).body.error).toMatchObject({ code: "unknown_field" });
    expect((await post("alertmanager", { ...alertmanager("firing"), version: "3" })).body.error.field).toBe("version");
    expect((await post("alertmanager", { ...alertmanager("firing"), alerts: [] })).body.error.field).toBe("alerts");
    expect((await post("alertmanager", "{not json")).body.error.code).toBe("invalid_json");
    expect((await post("nagios", { status: "firing" })).status).toBe(404);
    expect((await post("generic", { status: "firing", title: "x" }, null)).status).toBe(401);
    expect((await post("generic", { status: "firing", title: "x" }, viewer)).status).toBe(403);
  });

  it("answer other methods and oversized bodies over HTTP with a JSON error, not Next.js", async () => {
    const get = await fetch(`${intakeUrl}/api/v1/alerts/generic`, { headers: { authorization: `Bearer ${token}` } });
    expect([get.status, get.headers.get("allow"), (await get.json()).error.code]).toEqual([405, "POST", "method_not_allowed"]);
    const huge = await fetch(`${intakeUrl}/api/v1/alerts/generic`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ status: "firing", title: "x".repeat(1_100_000) }),
    });
    expect([huge.status, (await huge.json()).error.code]).toEqual([413, "body_too_large"]);
    expect(huge.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetch(`${intakeUrl}/api/v1/alerts`)).status).toBe(404);
  });
});
