// /api/v2/stream on Candor started as `npm start` starts it, on this file's
// database: a write made elsewhere (here, this test's own connection) reaches
// an open stream as one event naming what changed.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bannerSchema } from "@/lib/banner/schemas";
import { publishBanner } from "@/lib/banner/publish-banner";
import { createComponent } from "@/lib/components/save-component";
import { startCandorProcess, type CandorProcess } from "../e2e/support/candor-process";
import { createAdmin } from "../support/factories";

/** The promise: a reader learns of a publish within 2 s. */
const NOTIFIED_WITHIN_MS = 2_000;

let candor: CandorProcess;
let root: string;
let actor: { id: string; email: string };

beforeAll(async () => {
  actor = await createAdmin();
  root = await mkdtemp(path.join(os.tmpdir(), "candor-stream-"));
  await chmod(root, 0o755);
  candor = await startCandorProcess(
    { ...process.env, CANDOR_DATA_DIR: path.join(root, "data"), AUTH_SECRET: randomBytes(32).toString("base64url"), CANDOR_WORKER: "0" },
    { timeoutMs: 600_000 },
  );
}, 620_000);

afterAll(async () => {
  await candor?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

interface StreamEvent {
  generation: number;
  version: string | null;
  changed: string[];
}

/** An open stream: `next()` resolves with the next event, or rejects after `withinMs`. */
async function openStream() {
  const controller = new AbortController();
  const response = await fetch(`${candor.baseUrl}/api/v2/stream`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  async function next(withinMs: number): Promise<StreamEvent> {
    const deadline = setTimeout(() => controller.abort(), withinMs);
    try {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").find((line) => line.startsWith("data: "));
          if (data) return JSON.parse(data.slice(6)) as StreamEvent;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffer += value;
      }
    } finally {
      clearTimeout(deadline);
    }
  }
  return { response, next, close: () => controller.abort() };
}

describe("the live event stream of the running server", () => {
  it("sends the current version, then an event for each write within 2 s, naming banner or page", async () => {
    const stream = await openStream();
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(stream.response.headers.get("cache-control")).toBe("no-store");
    expect(stream.response.headers.get("access-control-allow-origin")).toBe("*");
    const first = await stream.next(NOTIFIED_WITHIN_MS);
    expect(first.changed).toEqual([]);

    await publishBanner(actor, {
      kind: "publish",
      input: bannerSchema.parse({ message: "Sign-in is slow for some customers.", severity: "warning" }),
    });
    const banner = await stream.next(NOTIFIED_WITHIN_MS);
    expect(banner.changed).toEqual(["banner"]);
    expect(banner.generation).toBeGreaterThan(first.generation);

    await createComponent(actor, { name: "Payroll export", isVisible: true });
    const page = await stream.next(NOTIFIED_WITHIN_MS);
    expect(page.changed).toEqual(["page"]);
    stream.close();
  });

  it("answers the stream on the public port without Next.js, and refuses a write to it", async () => {
    const response = await fetch(`${candor.baseUrl}/api/v2/stream`, { method: "POST" });
    expect(response.status).toBe(405);
  });
});
