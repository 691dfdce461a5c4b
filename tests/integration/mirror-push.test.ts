// The static mirror's push against a real S3-compatible server (s3rver, in
// this process) and a real PostgreSQL: first push, incremental pushes, an
// unpublished page deleted, the bucket down then up, two instances at once,
// wrong credentials, and the outbox carrying the push queued by a public
// change. Pages come from a small stand-in for Next.js's render (a function
// of the path, as the front server's loopback render is): rendering the
// real pages needs the production build and is covered end to end in
// tests/e2e/12-mirror.spec.ts.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { RenderedResponse } from "@/lib/public-cache/build-entry";
import { createMirrorBucket, type MirrorBucket } from "@/lib/mirror/bucket";
import { pushMirror } from "@/lib/mirror/push-mirror";
import { readMirrorState } from "@/lib/mirror/state";
import { describeMirror } from "@/lib/mirror/status";
import { parseEnv } from "@/lib/env";
import { checkHealth } from "@/lib/health/check-health";
import { provide, withdraw } from "@/lib/runtime/services";
import { readPublicVersion } from "@/lib/mirror/queries";
import { LIVE_TIMES_NOTE } from "@/lib/mirror/times-note";
import { OutboxWorker } from "@/lib/outbox/worker";
import { createMailTransport } from "@/lib/outbox/transport";
import { S3_KEY, S3_SECRET, startS3Server, type S3Server } from "../support/s3-server";

let s3: S3Server;
/** What each incident page says now (the stand-in renders from it). */
const pageText = new Map<string, string>();
let frontText = "All systems operational";

function html(body: string): RenderedResponse {
  return {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: Buffer.from(
      `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/css/a.css"/><script src="/_next/static/a.js"></script></head><body>${body}</body></html>`,
    ),
  };
}

const notFound: RenderedResponse = { status: 404, headers: { "content-type": "text/html" }, body: Buffer.from("not found") };

async function render(path: string): Promise<RenderedResponse> {
  if (path === "/")
    return html(
      `<picture><source srcset="/logo/dark?v=d1" media="(prefers-color-scheme: dark)"/><img src="/logo/light?v=l1" alt="Acme"/></picture>` +
        `<h1>${frontText}</h1>${[...pageText.keys()].map((id) => `<a href="/incidents/${id}">${id}</a>`).join("")}<footer><p>${LIVE_TIMES_NOTE} Powered by Candor.</p></footer>`,
    );
  if (path === "/logo/light" || path === "/logo/dark")
    return { status: 200, headers: { "content-type": "image/png" }, body: Buffer.from(`png ${path}`) };
  if (path === "/history") return html(`<a href="/">back</a>`);
  if (path === "/_next/static/css/a.css")
    return { status: 200, headers: { "content-type": "text/css" }, body: Buffer.from("body{color:red}") };
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident) return pageText.has(incident[1]!) ? html(`<p>${pageText.get(incident[1]!)}</p>`) : notFound;
  if (path.startsWith("/api/") || path.startsWith("/history.") || path === "/embed/banner.js" || path === "/maintenance.ics") {
    return { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ path, frontText })) };
  }
  if (/^\/components\/[^/]+\/history\.rss$/.test(path))
    return { status: 200, headers: { "content-type": "application/rss+xml" }, body: Buffer.from(`<rss>${path}</rss>`) };
  return notFound;
}

function bucketFor(server: S3Server, accessKeyId = S3_KEY): MirrorBucket & { puts: string[] } {
  const bucket = createMirrorBucket({
    url: server.url,
    region: "us-east-1",
    bucket: server.bucket,
    prefix: "status/",
    accessKeyId,
    secretAccessKey: S3_SECRET,
  });
  const puts: string[] = [];
  return { target: bucket.target, puts, put: (object) => (puts.push(object.key), bucket.put(object)), delete: (key) => bucket.delete(key) };
}

async function publishIncident(title: string): Promise<string> {
  const incident = await prisma.incident.create({ data: { title, impact: "MINOR", status: "INVESTIGATING", startedAt: new Date() } });
  pageText.set(incident.id, title);
  return incident.id;
}

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3.dispose();
});

beforeEach(async () => {
  await prisma.mirrorState.update({
    where: { id: 1 },
    data: { enabled: false, target: "", manifest: {}, pushedVersion: 0n, lastError: null },
  });
});

it("uploads every file on the first push, with its type and cache lifetime, and nothing on a second", async () => {
  const id = await publishIncident("Elevated errors");
  const component = await prisma.component.create({ data: { name: "Mirrored API" } });
  const bucket = bucketFor(s3);
  const first = await pushMirror({ render, bucket, forVersion: null });
  expect(first).toMatchObject({ skipped: false, deleted: 0 });
  const keys = await s3.keys();
  expect(keys).toEqual(
    expect.arrayContaining([
      "status/index.html",
      `status/incidents/${id}/index.html`,
      "status/api/v2/summary.json",
      "status/api/banner",
      "status/history.rss",
      "status/maintenance.ics",
      `status/components/${component.id}/history.rss`,
      "status/_next/static/css/a.css",
      "status/logo/light",
      "status/logo/dark",
    ]),
  );
  // The uploaded logo is mirrored once, whatever hash the page links it by.
  expect((await s3.get("status/logo/dark"))!.contentType).toBe("image/png");
  const front = (await s3.get("status/index.html"))!;
  expect(front.contentType).toBe("text/html; charset=utf-8");
  expect(front.cacheControl).toBe("public, max-age=30, stale-if-error=86400");
  expect(front.body).toContain(`href="incidents/${id}/"`);
  expect(front.body).toContain("Mirror of <a");
  expect(front.body).not.toContain("<script");
  expect(front.body).toContain('<source srcset="logo/dark"');
  expect(front.body).toContain('<img src="logo/light"');
  // Its times are in UTC (no script runs): the footer says so, as the notice does.
  expect(front.body).not.toContain(LIVE_TIMES_NOTE);
  expect(front.body).toContain("<footer><p>Times are in UTC. Powered by Candor.</p></footer>");
  expect((await s3.get("status/_next/static/css/a.css"))!.cacheControl).toBe("public, max-age=31536000, immutable");
  // The front page goes up last: every page it links is there before it.
  expect(bucket.puts.at(-1)).toBe("index.html");
  expect(bucket.puts.indexOf(`incidents/${id}/index.html`)).toBeLessThan(bucket.puts.indexOf("index.html"));

  const second = await pushMirror({ render, bucket: bucketFor(s3), forVersion: null });
  expect(second).toMatchObject({ uploaded: 0, deleted: 0, bytes: 0 });
});

it("uploads only what changed, and deletes the page of an incident no longer published", async () => {
  const kept = await publishIncident("Kept");
  const changed = await publishIncident("Changes");
  const removed = await publishIncident("Removed");
  await pushMirror({ render, bucket: bucketFor(s3), forVersion: null });

  pageText.set(changed, "Changes: identified");
  const incremental = bucketFor(s3);
  expect(await pushMirror({ render, bucket: incremental, forVersion: null })).toMatchObject({ uploaded: 1, deleted: 0 });
  expect(incremental.puts).toEqual([`incidents/${changed}/index.html`]);
  expect((await s3.get(`status/incidents/${changed}/index.html`))!.body).toContain("Changes: identified");

  await prisma.incident.delete({ where: { id: removed } });
  pageText.delete(removed);
  const afterDelete = bucketFor(s3);
  expect(await pushMirror({ render, bucket: afterDelete, forVersion: null })).toMatchObject({ uploaded: 1, deleted: 1 });
  expect(afterDelete.puts).toEqual(["index.html"]);
  expect(await s3.get(`status/incidents/${removed}/index.html`)).toBeNull();
  expect(await s3.get(`status/incidents/${kept}/index.html`)).not.toBeNull();
  const state = await readMirrorState();
  expect(state.manifest[`incidents/${removed}/index.html`]).toBeUndefined();
  expect(state.objectCount).toBe(Object.keys(state.manifest).length);
});

it("records a clear error while the bucket is down, and catches up in one push when it is back", async () => {
  await pushMirror({ render, bucket: bucketFor(s3), forVersion: null });
  frontText = "Partial outage";
  await s3.stop();
  try {
    await expect(pushMirror({ render, bucket: bucketFor(s3), forVersion: null })).rejects.toThrow(
      /^The bucket service at http:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\); the push is retried\.$/,
    );
    expect((await readMirrorState()).lastError).toMatch(/cannot be reached/);
  } finally {
    await s3.start();
  }
  const recovered = await pushMirror({ render, bucket: bucketFor(s3), forVersion: null });
  expect(recovered.uploaded).toBeGreaterThan(0);
  expect((await s3.get("status/index.html"))!.body).toContain("Partial outage");
  const state = await readMirrorState();
  expect(state.lastError).toBeNull();
  expect(state.lastSuccessAt).not.toBeNull();
});

it("pushes once when two instances push the same version at once", async () => {
  frontText = `Two instances ${Date.now()}`;
  const { version } = await readPublicVersion();
  const [a, b] = [bucketFor(s3), bucketFor(s3)];
  const results = await Promise.all([
    pushMirror({ render, bucket: a, forVersion: version }),
    pushMirror({ render, bucket: b, forVersion: version }),
  ]);
  expect(results.map((result) => result.skipped).sort()).toEqual([false, true]);
  expect(a.puts.length + b.puts.length).toBe(results.find((result) => !result.skipped)!.uploaded);
  expect((await readMirrorState()).pushedVersion).toBe(version);
});

it("says which setting to check when the bucket refuses the credentials", async () => {
  // s3rver checks the key id (it does not verify SigV4 signatures, so a wrong secret passes there).
  await expect(pushMirror({ render, bucket: bucketFor(s3, "NOT-A-KEY"), forVersion: null })).rejects.toThrow(
    `The bucket status-mirror at ${s3.url} refused the credentials (InvalidAccessKeyId): check CANDOR_MIRROR_S3_ACCESS_KEY_ID and CANDOR_MIRROR_S3_SECRET_ACCESS_KEY.`,
  );
  const missing = createMirrorBucket({
    url: s3.url,
    region: "us-east-1",
    bucket: "no-such-bucket",
    prefix: "",
    accessKeyId: S3_KEY,
    secretAccessKey: S3_SECRET,
  });
  await expect(pushMirror({ render, bucket: missing, forVersion: null })).rejects.toThrow(/does not exist \(NoSuchBucket\)/);
});

it("queues a push in the outbox with every public change while enabled, and the worker delivers it with retries", async () => {
  await prisma.mirrorState.update({ where: { id: 1 }, data: { enabled: true } });
  await publishIncident("Queued by the trigger");
  const { version } = await readPublicVersion();
  const row = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "mirror-push", dispatchId: String(version) } });
  expect(row).toMatchObject({ channel: "MIRROR", state: "PENDING", priority: 0 });

  let isBucketUp = false;
  const pushed: (bigint | null)[] = [];
  const worker = new OutboxWorker({
    transport: createMailTransport(undefined),
    log: () => {},
    mirror: async (forVersion) => {
      if (!isBucketUp) throw new Error("bucket unreachable");
      pushed.push(forVersion);
      await pushMirror({ render, bucket: bucketFor(s3), forVersion });
    },
  });
  await worker.runOnce();
  const failed = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
  expect(failed).toMatchObject({ state: "PENDING", attempts: 1, lastError: "bucket unreachable" });
  expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

  isBucketUp = true;
  await prisma.outboxMessage.update({ where: { id: row.id }, data: { nextAttemptAt: new Date() } });
  await worker.runOnce();
  expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "SENT" });
  expect(pushed).toContain(version);
  expect((await readMirrorState()).pushedVersion).toBe(version);

  await prisma.mirrorState.update({ where: { id: 1 }, data: { enabled: false } });
  await publishIncident("Not queued");
  const { version: later } = await readPublicVersion();
  expect(await prisma.outboxMessage.findFirst({ where: { kind: "mirror-push", dispatchId: String(later) } })).toBeNull();
});

it("reports the mirror's lag behind the live page in /api/health until a push brings it up to date", async () => {
  provide("env", {
    ...parseEnv(process.env),
    CANDOR_MIRROR_S3_URL: s3.url,
    CANDOR_MIRROR_S3_BUCKET: s3.bucket,
    CANDOR_MIRROR_S3_PREFIX: "status/",
    CANDOR_MIRROR_S3_ACCESS_KEY_ID: S3_KEY,
    CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: S3_SECRET,
  });
  try {
    await prisma.mirrorState.update({ where: { id: 1 }, data: { enabled: true } });
    await publishIncident("Not mirrored yet");
    await prisma.outboxMessage.updateMany({ where: { kind: "mirror-push" }, data: { createdAt: new Date(Date.now() - 90_000) } });
    const behind = await checkHealth();
    expect(behind.status).toBe("ok");
    const mirror = behind.status === "ok" ? behind.mirror : null;
    expect(mirror).toMatchObject({ target: `${s3.url}/${s3.bucket}/status/` });
    expect(mirror!.lagSeconds).toBeGreaterThanOrEqual(90);

    await pushMirror({ render, bucket: bucketFor(s3), forVersion: null });
    const status = await describeMirror();
    expect(status).toMatchObject({ isBehind: false, lagSeconds: 0, lastError: null });
    expect(status!.objects).toBeGreaterThan(0);
  } finally {
    withdraw("env");
    await prisma.mirrorState.update({ where: { id: 1 }, data: { enabled: false } });
  }
});

it("renders a closed incident's page again only when a row it shows changed", async () => {
  const incident = await prisma.incident.create({
    data: { title: "Closed", impact: "MINOR", status: "RESOLVED", startedAt: new Date(Date.now() - 7_200_000), resolvedAt: new Date() },
  });
  pageText.set(incident.id, "Closed");
  const rendered: string[] = [];
  const counting = (path: string) => (rendered.push(path), render(path));
  await pushMirror({ render: counting, bucket: bucketFor(s3), forVersion: null });
  expect(rendered).toContain(`/incidents/${incident.id}`);

  rendered.length = 0;
  frontText = `Unrelated change ${Date.now()}`;
  const unrelated = await pushMirror({ render: counting, bucket: bucketFor(s3), forVersion: null });
  expect(rendered).not.toContain(`/incidents/${incident.id}`);
  expect(unrelated.deleted).toBe(0);
  expect(await s3.get(`status/incidents/${incident.id}/index.html`)).not.toBeNull();

  rendered.length = 0;
  await prisma.incident.update({ where: { id: incident.id }, data: { title: "Closed, renamed" } });
  pageText.set(incident.id, "Closed, renamed");
  const renamed = bucketFor(s3);
  await pushMirror({ render: counting, bucket: renamed, forVersion: null });
  expect(rendered).toContain(`/incidents/${incident.id}`);
  expect(renamed.puts).toContain(`incidents/${incident.id}/index.html`);
});
