// The embed script as the static mirror serves it, in Chromium: a login
// page on another host loads it from a mirror under a bucket prefix; it
// reads the banner next to itself (not at the host's root) and polls,
// never opening the event stream a static host cannot answer.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { mirrorEmbedScript } from "../../lib/mirror/transform";
import { startStaticServer, type StaticFile } from "../support/static-server";
import { expect, test } from "./fixtures";

const BANNER = {
  banner: {
    id: "b1",
    message_html: "Sign-in is slow for some customers.",
    severity: "warning",
    link: null,
    incident_url: null,
    updated_at: "2026-12-03T10:00:00.000Z",
  },
};

test("the mirrored banner script reads the banner under the mirror's prefix and opens no stream", async ({ page }) => {
  const script = mirrorEmbedScript(await readFile(path.join(process.cwd(), "embed", "banner.js"), "utf8"));
  const files = new Map<string, StaticFile>([
    ["status/embed/banner.js", { body: script, contentType: "application/javascript" }],
    ["status/api/banner", { body: JSON.stringify(BANNER), contentType: "application/json" }],
  ]);
  const mirror = await startStaticServer(async (key) => files.get(key) ?? null, { cors: true });
  const login = await startStaticServer(async (key) =>
    key === "index.html"
      ? {
          body: `<!doctype html><html lang="en"><head><title>Sign in</title></head><body><main><h1>Sign in</h1></main><script src="${mirror.url}/status/embed/banner.js" data-interval="15"></script></body></html>`,
          contentType: "text/html; charset=utf-8",
        }
      : null,
  );
  try {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${login.url}/`);
    await expect(page.getByRole("status")).toHaveText(/Sign-in is slow for some customers\./);
    expect(requested).toContain(`${mirror.url}/status/api/banner`);
    expect(requested.filter((url) => url.startsWith(mirror.url) && !url.startsWith(`${mirror.url}/status/`))).toEqual([]);
    expect(requested.filter((url) => url.includes("/api/v2/stream"))).toEqual([]);
  } finally {
    await login.stop();
    await mirror.stop();
  }
});
