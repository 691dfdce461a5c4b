// An anonymous visitor cannot make Candor answer 5xx: at least 10,000 requests
// over every public path and some admin ones, every method, odd targets,
// headers, queries and bodies (server actions with real ids included), sent
// to Candor started as `npm start` starts it, on this file's database.
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import http from "node:http";
import type { Duplex } from "node:stream";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCandorProcess, type CandorProcess } from "../e2e/support/candor-process";

const REQUESTS = 10_000;
const CONCURRENCY = 8;
const ANSWER_TIMEOUT_MS = 60_000;
const BOUNDARY = "----CandorFuzzBoundary7MA4YWxkTrZu0gW";

const PATHS = [
  "/",
  "/history",
  "/history?page=2",
  "/history?page=999999",
  "/history?page=-1&page=2",
  "/incidents/unknown-id",
  "/incidents/unknown-id/postmortem",
  "/history.rss",
  "/history.atom",
  "/api/banner",
  "/embed/banner.js",
  "/icon.svg",
  "/favicon.ico",
  "/robots.txt",
  "/api/health",
  "/api/v2/summary.json",
  "/api/v2/status.json",
  "/api/v2/components.json",
  "/api/v2/incidents.json",
  "/api/v2/incidents/unresolved.json",
  "/api/v2/incidents/nope.json",
  "/api/v2/scheduled-maintenances.json",
  "/api/v2/scheduled-maintenances/upcoming.json",
  "/api/v2/nope.json",
  "/api/unsubscribe",
  "/api/unsubscribe?a=x&t=y",
  "/unsubscribe",
  "/unsubscribe?a=x&t=y",
  "/subscribe",
  "/subscribe?error=rate_limited",
  "/subscribe/sent",
  "/api/subscribe",
  "/api/subscription",
  "/subscription",
  "/subscription?token=x",
  "/maintenance.ics",
  "/components/nope/history.rss",
  "/components/" + "c".repeat(300) + "/history.rss",
  "/sign-in",
  "/setup",
  "/invite/not-a-token",
  "/offers/not-a-token",
  "/offers/" + "a".repeat(64),
  "/offers/" + "a".repeat(64) + "/answer",
  "/offers/not-a-token/answer",
  "/offers/" + "a".repeat(64) + "/thanks",
  "/admin",
  "/admin/incidents",
  "/admin/incidents/nope",
  "/admin/customers/export",
  "/admin/campaigns/nope",
  "/admin/mailbox",
  "/api/auth/get-session",
  "/api/auth/sign-in/email",
  "/api/auth/sign-out",
  "/api/auth/update-user",
  "/api/auth/nope",
  "/_next/static/chunks/nope.js",
  "/_next/image?url=%2Ficon.svg&w=64&q=75",
  "/nope",
  "/%2e%2e/%2e%2e/etc/passwd",
  "/admin/%ff",
  "/incidents/" + "a".repeat(300),
  "*",
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "CONNECT"];
const QUERIES = ["", "?_rsc=1", "?page=1e9", "?a=%zz", "?x=" + "q".repeat(2_000), "?__proto__[x]=1", "?page=2&page=3"];

type Headers = Record<string, string>;
const HEADER_SETS: Headers[] = [
  {},
  { accept: "text/html", "accept-encoding": "gzip, br" },
  { rsc: "1" },
  { rsc: "1", "next-router-state-tree": "%%%not-json" },
  { "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
  { "x-forwarded-host": "evil.example", origin: "https://evil.example" },
  { "x-forwarded-for": "not-an-ip, 1.2.3.4", "x-candor-client-ip": "6.6.6.6", "x-candor-front": "guess" },
  { cookie: "better-auth.session_token=forged.token; __Secure-better-auth.session_token=%ff" },
  { "if-none-match": '"*", W/"x"', "accept-encoding": "identity;q=0, *;q=0" },
  { "content-type": "application/json" },
  { "accept-language": "x".repeat(4_000) },
  { range: "bytes=5-1" },
  { "transfer-encoding": "chunked" },
];

/** Server action ids from the build, so action bodies reach Next's decoder. */
async function readActionIds(root: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"));
  return Object.keys(manifest.node);
}

function multipart(parts: [string, string][], boundary = BOUNDARY): string {
  return (
    parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
    `--${boundary}--\r\n`
  );
}

/** Bodies with the headers that go with them. */
function bodies(actionIds: string[]): { headers: Headers; body: string }[] {
  const action = (id: string) => ({ "next-action": id });
  const textPlain = { "content-type": "text/plain;charset=UTF-8" };
  const formData = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  const variants: { headers: Headers; body: string }[] = [
    { headers: {}, body: "" },
    { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40b.c&password=%zz&name=" },
    { headers: { "content-type": "application/json" }, body: '{"email":"a@example.com","password":"x","name":""}' },
    { headers: { "content-type": "application/json" }, body: '{"name":"' + "n".repeat(121) + '"}' },
    { headers: { "content-type": "application/json" }, body: "{not json" },
    { headers: formData, body: "garbage" },
    { headers: { "content-type": "multipart/form-data" }, body: "" },
    { headers: formData, body: multipart([["email", "a@example.com"]]) },
    { headers: formData, body: multipart([["$ACTION_ID_deadbeef", ""]]) },
    {
      headers: formData,
      body: multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "{bad"],
      ]),
    },
    { headers: { ...action("deadbeef"), ...textPlain }, body: "[]" },
    { headers: { ...action("deadbeef"), ...textPlain }, body: "[".repeat(5_000) + "]".repeat(5_000) },
  ];
  for (const id of actionIds) {
    variants.push(
      { headers: { ...action(id), ...textPlain }, body: "[]" },
      { headers: { ...action(id), ...textPlain }, body: "{not json" },
      { headers: { ...action(id), ...textPlain }, body: '[null, "$@1"]' },
      // Well formed, but not the arguments the action takes.
      { headers: { ...action(id), ...textPlain }, body: '[null, "not a form"]' },
      { headers: { ...action(id), ...textPlain }, body: '[{"get": 1}, 5, ["x"]]' },
      {
        headers: { ...action(id), ...formData },
        body: multipart([
          ["1_name", "x"],
          ["0", '[null, "$K1"]'],
        ]),
      },
      { headers: { ...action(id), ...formData }, body: multipart([["0", "{bad"]]) },
      { headers: { ...action(id), ...textPlain }, body: "[".repeat(5_000) + "]".repeat(5_000) },
      { headers: { ...action(id), ...formData }, body: `--${BOUNDARY}\r\nbroken` },
    );
  }
  return variants;
}

/** A small seeded generator: the same requests on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface FuzzRequest {
  method: string;
  target: string;
  headers: Headers;
  body: string;
}

function* requests(actionIds: string[]): Generator<FuzzRequest> {
  const next = random(15);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const bodyVariants = bodies(actionIds);
  const forms = bodyVariants.filter((variant) => variant.headers["next-action"] === undefined);
  const form = forms.find((variant) => variant.body.includes('name="email"'))!;
  const crossOrigin = HEADER_SETS.find((headers) => headers.origin !== undefined)!;
  // Every path with every method once; every path POSTed each body that is not
  // an action, from another origin, and a form with each header set (Next.js
  // takes any form posted to a page for an action); then random combinations.
  const fixed: FuzzRequest[] = [];
  for (const target of PATHS) for (const method of METHODS) fixed.push({ method, target, headers: {}, body: "" });
  for (const target of PATHS.filter((target) => target !== "*")) {
    for (const { headers, body } of forms) fixed.push({ method: "POST", target, headers: { ...crossOrigin, ...headers }, body });
    for (const headers of HEADER_SETS) fixed.push({ method: "POST", target, headers: { ...headers, ...form.headers }, body: form.body });
  }
  yield* fixed;
  for (let count = fixed.length; count < REQUESTS; count++) {
    const target = pick(PATHS);
    const method = next() < 0.45 ? "POST" : pick(METHODS);
    const variant = method === "GET" || method === "HEAD" ? { headers: {}, body: "" } : pick(bodyVariants);
    yield {
      method,
      target: target === "*" ? target : target + (target.includes("?") ? "" : pick(QUERIES)),
      headers: { ...pick(HEADER_SETS), ...variant.headers },
      body: variant.body,
    };
  }
}

/**
 * /api/health answers 503 by design when the database does not answer within
 * its time limit (DNS failover reads it), which a loaded 2-core machine can
 * make happen under 8 concurrent requests: a verdict, not a crash (that would
 * be a 500).
 */
function isHealthVerdict(target: string, status: number): boolean {
  return status === 503 && target.startsWith("/api/health");
}

function send(port: number, agent: http.Agent, request: FuzzRequest): Promise<number> {
  return new Promise((resolve) => {
    const headers: Headers = { ...request.headers };
    if (request.body && !headers["transfer-encoding"]) headers["content-length"] = String(Buffer.byteLength(request.body));
    const outgoing = http.request({ host: "127.0.0.1", port, method: request.method, path: request.target, headers, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", () => resolve(0));
    });
    // Node hands the answer to CONNECT (and to an upgrade) to these events instead of the callback.
    const answered = (response: http.IncomingMessage, socket: Duplex) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    };
    outgoing.on("connect", answered).on("upgrade", answered);
    // A connection Candor closes without an answer, or no answer at all, counts as 0 (and fails the test).
    outgoing.setTimeout(ANSWER_TIMEOUT_MS, () => outgoing.destroy(new Error("no answer")));
    outgoing.on("error", () => resolve(0));
    outgoing.end(request.body || undefined);
  });
}

let candor: CandorProcess;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "candor-fuzz-"));
  await chmod(root, 0o755);
  candor = await startCandorProcess(
    {
      ...process.env,
      CANDOR_DATA_DIR: path.join(root, "data"),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      CANDOR_WORKER: "0",
    },
    { timeoutMs: 600_000 },
  );
}, 620_000);

afterAll(async () => {
  await candor?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("responses of the running server", () => {
  it("carry security headers: admin and sign-in never framed, public pages not by default", async () => {
    for (const pathname of ["/sign-in", "/admin", "/setup"]) {
      const response = await fetch(candor.baseUrl + pathname, { redirect: "manual" });
      expect([pathname, response.headers.get("x-frame-options")]).toEqual([pathname, "DENY"]);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
    for (const pathname of ["/", "/api/v2/summary.json", "/history.atom"]) {
      const response = await fetch(candor.baseUrl + pathname);
      expect([pathname, response.status, response.headers.get("x-content-type-options")]).toEqual([pathname, 200, "nosniff"]);
      expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
      expect(response.headers.get("cache-control")).toMatch(/^public/);
    }
  });

  it("answers history pages past the end with one 404 that is never saved to disk, and missing chunks with no-store", async () => {
    for (const page of [5000, 5001, 9999]) expect((await fetch(`${candor.baseUrl}/history?page=${page}`)).status).toBe(404);
    // Saved responses are named by the SHA-1 of their cache key (lib/public-cache/saved-responses.ts).
    const fileOf = (key: string) => `${createHash("sha1").update(key).digest("hex")}.json`;
    const saved = await readdir(path.join(root, "data", "public", "responses")).catch(() => [] as string[]);
    for (const key of ["/history?page=past", "/history?page=5000", "/history?page=9999"]) expect(saved).not.toContain(fileOf(key));
    const chunk = await fetch(`${candor.baseUrl}/_next/static/chunks/missing-chunk.js`);
    expect([chunk.status, chunk.headers.get("cache-control")]).toEqual([404, "no-store"]);
  });

  it("refuses a form posted to a page from another origin with a 403, never Next's 500", async () => {
    const agent = new http.Agent({ keepAlive: false });
    const form = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
    const body = multipart([["email", "a@example.com"]]);
    const answers: [string, string, number][] = [];
    for (const target of ["/unsubscribe?a=x&t=y", "/subscription?token=x", "/offers/" + "a".repeat(64), "/subscribe", "/sign-in"]) {
      for (const origin of ["https://evil.example", "null", "not a url"]) {
        const headers = { ...form, origin, "x-forwarded-host": "evil.example" };
        answers.push([target, origin, await send(candor.port, agent, { method: "POST", target, headers, body })]);
      }
    }
    agent.destroy();
    expect(answers).toEqual(answers.map(([target, origin]) => [target, origin, 403]));
  });
});

describe("anonymous requests", () => {
  it(`never get a 5xx: ${REQUESTS.toLocaleString("en")} requests over every path and method`, async () => {
    const actionIds = await readActionIds(process.cwd());
    expect(actionIds.length).toBeGreaterThan(40);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const queue = requests(actionIds);
    let sent = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let item = queue.next(); !item.done; item = queue.next()) {
          const status = await send(candor.port, agent, item.value);
          sent++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if ((status >= 500 && !isHealthVerdict(item.value.target, status)) || status === 0) {
            failures.push(
              `${status} ${item.value.method} ${item.value.target.slice(0, 80)} ${JSON.stringify(item.value.headers).slice(0, 160)} ${item.value.body.slice(0, 80)}`,
            );
          }
        }
      }),
    );
    agent.destroy();
    const counts = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    console.log(`fuzz: ${sent} requests; statuses ${JSON.stringify(counts)}`);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    expect(failures.filter((line) => line.startsWith("5")).slice(0, 20)).toEqual([]);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 900_000);
});

describe("with the public cache off (CANDOR_PUBLIC_CACHE_MB=0: Next.js on PORT)", () => {
  let uncached: CandorProcess;
  let uncachedRoot: string;

  beforeAll(async () => {
    uncachedRoot = await mkdtemp(path.join(os.tmpdir(), "candor-fuzz-uncached-"));
    await chmod(uncachedRoot, 0o755);
    uncached = await startCandorProcess(
      {
        ...process.env,
        CANDOR_DATA_DIR: path.join(uncachedRoot, "data"),
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        CANDOR_WORKER: "0",
        CANDOR_PUBLIC_CACHE_MB: "0",
      },
      { timeoutMs: 600_000 },
    );
  }, 620_000);

  afterAll(async () => {
    await uncached?.stop();
    if (uncachedRoot) await rm(uncachedRoot, { recursive: true, force: true });
  });

  it("refuses malformed and cross-origin action and form bodies with a 4xx, never Next's 500", async () => {
    const actionIds = await readActionIds(process.cwd());
    const crossOrigin = HEADER_SETS.find((headers) => headers.origin !== undefined)!;
    const sent: FuzzRequest[] = [];
    for (const target of ["/", "/sign-in", "/subscribe"]) {
      for (const { headers, body } of bodies(actionIds)) {
        sent.push({ method: "POST", target, headers, body }, { method: "POST", target, headers: { ...crossOrigin, ...headers }, body });
      }
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const failures: string[] = [];
    const queue = sent.values();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (const request of queue) {
          const status = await send(uncached.port, agent, request);
          if (status >= 500 || status === 0)
            failures.push(`${status} ${request.target} ${JSON.stringify(request.headers).slice(0, 160)} ${request.body.slice(0, 80)}`);
        }
      }),
    );
    agent.destroy();
    expect(sent.length).toBeGreaterThan(600);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);

  it("hands a well-formed form on to Next.js: /setup posted without JavaScript answers with its field errors", async () => {
    const page = await (await fetch(`${uncached.baseUrl}/setup`)).text();
    // React's fields naming the action (a form works before scripts load), then the form's own.
    const attribute = (value: string) => value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&amp;", "&");
    const hidden = [...page.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
      ([, name, value]) => [attribute(name!), attribute(value ?? "")] as [string, string],
    );
    expect(hidden.map(([name]) => name)).toContain("$ACTION_REF_1");
    const fields: [string, string][] = [
      ...hidden,
      ["name", "Ada"],
      ["email", "not an address"],
      ["password", "x"],
      ["confirmPassword", "y"],
    ];
    const headers = { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, origin: `http://127.0.0.1:${uncached.port}` };
    const agent = new http.Agent({ keepAlive: false });
    let html = "";
    const status = await new Promise<number>((resolve) => {
      const request = http.request(
        { host: "127.0.0.1", port: uncached.port, method: "POST", path: "/setup", headers, agent },
        (response) => {
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (html += chunk));
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", () => resolve(0));
      request.end(multipart(fields));
    });
    agent.destroy();
    expect([status, html.slice(0, 300)]).toEqual([200, expect.any(String)]);
    expect(html).toContain("Enter an email address like ada@example.com.");
  });
});
