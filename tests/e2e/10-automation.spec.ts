import AxeBuilder from "@axe-core/playwright";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Page } from "@playwright/test";
import { createFirstAdmin, expect, screenshot, test } from "./fixtures";
import { startOwnCandor, type CandorProcess } from "./support/candor-process";

// On a Candor of its own: the README's curl opens an incident and sets the
// sign-in banner, which the other specs' status page and banner must not see.
test.describe.configure({ mode: "serial" });

let candor: CandorProcess;
let admin: Page;
let token: string;
let incidentId: string;
const baseUrl = () => candor.baseUrl;
const suffix = Date.now().toString(36);
const TITLE = `Checkout failing ${suffix}`;

test.beforeAll(async ({ browser }) => {
  candor = await startOwnCandor();
  admin = await (await browser.newContext({ baseURL: candor.baseUrl })).newPage();
  await createFirstAdmin(admin);
});

test.afterAll(async () => {
  await admin?.context().close();
  await candor?.stop();
});

/**
 * Publishes the one draft waiting, titled `title`, and waits for the bar to clear. The bar's long poll
 * may answer after the publish action's own refresh (it did under load in CI): every poll is held until
 * the bar has shown the refresh, which alone must clear the draft.
 */
async function publishTheOneDraft(page: Page, title: string): Promise<void> {
  let releasePolls!: () => void;
  const pollsHeld = new Promise<void>((resolve) => (releasePolls = resolve));
  const isDraftsPoll = (url: URL) => url.pathname === "/admin/drafts/live";
  await page.route(isDraftsPoll, async (route) => {
    await pollsHeld;
    await route.continue().catch(() => undefined);
  });
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "1 draft waiting" })).toBeVisible();
  await page.getByRole("button", { name: `Publish “${title}”` }).click();
  await expect(page.getByText("No drafts waiting.")).toBeAttached();
  releasePolls();
  await page.unroute(isDraftsPoll);
}

function alertmanagerPayload(status: "firing" | "resolved") {
  return {
    version: "4",
    groupKey: '{}:{alertname="CheckoutErrors"}',
    truncatedAlerts: 0,
    status,
    receiver: "candor",
    groupLabels: { alertname: "CheckoutErrors" },
    commonLabels: { alertname: "CheckoutErrors", severity: "critical" },
    commonAnnotations: { summary: TITLE },
    externalURL: "http://alertmanager.example:9093",
    alerts: [
      {
        status,
        labels: { alertname: "CheckoutErrors", severity: "critical" },
        annotations: { summary: TITLE },
        startsAt: new Date().toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example:9090/graph",
        fingerprint: `e2e-${suffix}`,
      },
    ],
  };
}

test("an admin creates an API token, shown once", async () => {
  await admin.goto("/admin/api-tokens");
  await admin.getByLabel("Name").fill("Alertmanager");
  await admin.getByLabel("Role").selectOption("responder");
  await admin.getByRole("button", { name: "Create token" }).click();
  const field = admin.getByLabel("New token (shown once)");
  await expect(field).toHaveValue(/^candor_/);
  token = await field.inputValue();
  await screenshot(admin, "api-tokens");
  await admin.reload();
  await expect(admin.getByRole("cell", { name: "Alertmanager", exact: true })).toBeVisible();
  await expect(admin.getByText(token)).toHaveCount(0);
});

test("an admin adds an alert rule mapping labels to components", async () => {
  await admin.goto("/admin/alert-rules");
  await admin.getByLabel("Name").fill("Billing");
  await admin.getByLabel("When the alert's labels are").fill("service=billing");
  await admin.getByRole("group", { name: "Affected components" }).getByRole("checkbox").first().check();
  await admin.getByRole("button", { name: "Add rule" }).click();
  await expect(admin.getByText("Rule added.")).toBeVisible();
  await expect(admin.getByRole("cell", { name: "service=billing" })).toBeVisible();
  await admin.getByLabel("When the alert's labels are").fill("service");
  await admin.getByRole("button", { name: "Add rule" }).click();
  await expect(admin.getByText(/name=value pairs/).last()).toBeVisible();
  await screenshot(admin, "alert-rules");
});

test("an Alertmanager alert appears in the open admin as a draft and is published in one click", async ({ browser }, testInfo) => {
  await admin.goto("/admin");
  await expect(admin.getByText("No drafts waiting.")).toBeAttached();
  const sentAt = Date.now();
  const answer = await fetch(`${baseUrl()}/api/v1/alerts/alertmanager`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(alertmanagerPayload("firing")),
  });
  expect(answer.status).toBe(200);
  const answeredAt = Date.now();
  await expect(admin.getByRole("status").filter({ hasText: "1 draft waiting" })).toBeVisible();
  const elapsed = Date.now() - sentAt;
  testInfo.annotations.push({ type: "alert-to-badge-ms", description: String(elapsed) });
  console.log(`Alert posted → draft badge in the open admin: ${elapsed} ms (the intake answered in ${answeredAt - sentAt} ms)`);
  await expect(admin.getByRole("heading", { name: TITLE })).toBeVisible();
  await screenshot(admin, "drafts-bar");
  const accessibility = await new AxeBuilder({ page: admin }).include('section[aria-label="Drafts waiting"]').analyze();
  expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);
  await admin.setViewportSize({ width: 360, height: 740 });
  await screenshot(admin, "drafts-bar-360");
  await admin.emulateMedia({ colorScheme: "dark" });
  await screenshot(admin, "drafts-bar-dark");
  await admin.emulateMedia({ colorScheme: "light" });
  await admin.setViewportSize({ width: 1280, height: 720 });

  const publicPage = await (await browser.newContext({ baseURL: baseUrl() })).newPage();
  await publicPage.goto("/");
  await expect(publicPage.getByText(TITLE)).toHaveCount(0);

  await publishTheOneDraft(admin, TITLE);
  // Other instances (and the front server's cache) see a write within a second: reload until then.
  await expect(async () => {
    await publicPage.goto("/");
    await expect(publicPage.getByRole("region", { name: "Active incidents" }).getByText(TITLE)).toBeVisible({ timeout: 500 });
  }).toPass();
  const incidents = (await (await fetch(`${baseUrl()}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    open: { id: string; title: string }[];
  };
  incidentId = incidents.open.find((incident) => incident.title === TITLE)!.id;
  await publicPage.context().close();
});

test("an MCP client drafts an update that an operator publishes", async ({ browser }) => {
  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${baseUrl()}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  const drafted = await client.callTool({
    name: "draft_update",
    arguments: { incidentId, status: "identified", message: `Payment provider timeouts ${suffix}.`, components: [] },
  });
  expect(drafted.isError).toBeFalsy();
  await client.close();

  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { name: `Proposed: Identified — ${TITLE}` })).toBeVisible();
  await publishTheOneDraft(admin, TITLE);
  const publicPage = await (await browser.newContext({ baseURL: baseUrl() })).newPage();
  await expect(async () => {
    await publicPage.goto(`/incidents/${incidentId}`);
    await expect(publicPage.getByText(`Payment provider timeouts ${suffix}.`)).toBeVisible({ timeout: 500 });
  }).toPass();
  await publicPage.context().close();
});

test("the README's curl opens an incident and sets the banner; the reference page renders", async ({ browser }) => {
  const answer = await fetch(`${baseUrl()}/api/v1/incidents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": `readme-${suffix}` },
    body: JSON.stringify({
      title: "Sign-in failing for some users",
      impact: "major",
      status: "investigating",
      message: "We are investigating failed sign-ins.",
      components: [],
      setBanner: true,
      bannerMessage: "Some sign-ins are failing. We are on it.",
    }),
  });
  expect(answer.status).toBe(201);
  const banner = (await (await fetch(`${baseUrl()}/api/v1/banner`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    banner: { message: string };
  };
  expect(banner.banner.message).toBe("Some sign-ins are failing. We are on it.");

  const page = await (await browser.newContext({ baseURL: baseUrl() })).newPage();
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Candor API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /\/api\/v1\/alerts\/\{source\}/ })).toBeVisible();
  await screenshot(page, "api-docs");
  expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "api-docs-360-dark");
  const document = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as { openapi: string };
  expect(document.openapi).toBe("3.1.0");
  await page.context().close();
});
