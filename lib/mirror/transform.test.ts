import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cssAssetsOf, insertNotice, linksOf, mirrorEmbedScript, mirrorNotice, rewriteLinks, stripScripts, utcTimesNote } from "./transform";
import { LIVE_TIMES_NOTE } from "./times-note";

const PAGE =
  '<html><head><link rel="stylesheet" href="/_next/static/c.css"/><link rel="preload" as="script" href="/_next/static/a.js"/>' +
  '<script src="/_next/static/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script></head>' +
  '<body class="b"><a href="/history?page=2&amp;x=1">next</a><img srcset="/a.png 1x, /b.png 2x"/><form action="/unsubscribe"></form></body></html>';

describe("mirror pages", () => {
  it("drops every script and script preload, so nothing reaches for the origin or Next's router", () => {
    const html = stripScripts(PAGE);
    expect(html).not.toContain("<script");
    expect(html).not.toContain('as="script"');
    expect(html).toContain("/_next/static/c.css");
  });

  it("finds the root-relative links and the stylesheet's files", () => {
    expect(linksOf(PAGE, "https://s.example.com")).toEqual(
      expect.arrayContaining(["/_next/static/c.css", "/history?page=2&x=1", "/a.png", "/b.png", "/unsubscribe"]),
    );
    expect(cssAssetsOf("a{background:url(../media/f.woff2)} b{src:url('data:x')}", "/_next/static/css/a.css")).toEqual([
      "/_next/static/media/f.woff2",
    ]);
  });

  it("rewrites href, action and srcset and keeps the HTML escaping", () => {
    const html = rewriteLinks(stripScripts(PAGE), {
      file: "index.html",
      has: (path) => path === "/a.png" || path === "/_next/static/c.css",
      publicUrl: "https://s.example.com",
    });
    expect(html).toContain('href="_next/static/c.css"');
    expect(html).toContain('href="https://s.example.com/history?page=2&amp;x=1"');
    expect(html).toContain('srcset="a.png 1x, https://s.example.com/b.png 2x"');
    expect(html).toContain('action="https://s.example.com/unsubscribe"');
  });

  it("says first in the body that this is a mirror, of what and since when", () => {
    const html = insertNotice(PAGE, mirrorNotice("https://s.example.com", new Date("2026-12-03T10:15:00Z")));
    expect(html).toContain('<body class="b"><p data-candor-mirror="" role="note"');
    expect(html).toContain("Mirror of <a");
    expect(html).toContain('updated <time datetime="2026-12-03T10:15:00.000Z">2026-12-03 10:15 UTC</time>');
  });

  it("serves the embed script switched to its mirror mode, the live one unchanged", () => {
    const live = readFileSync(path.join(process.cwd(), "embed", "banner.js"), "utf8");
    expect(live).toContain("var MIRRORED = false;");
    const mirrored = mirrorEmbedScript(live);
    expect(mirrored).toContain("var MIRRORED = true;");
    expect(mirrored.replace("var MIRRORED = true;", "var MIRRORED = false;")).toBe(live);
  });

  it("says in the footer that times are in UTC, as the notice does (the mirror runs no script)", () => {
    const footer = `<footer><p class="mt-1">${LIVE_TIMES_NOTE} Powered by Candor.</p></footer>`;
    const html = insertNotice(utcTimesNote(`<body>${footer}</body>`), mirrorNotice("https://s.example.com", new Date()));
    expect(html).not.toContain("your time zone");
    expect(html).toContain('<p class="mt-1">Times are in UTC. Powered by Candor.</p>');
    expect(html.match(/Times are in UTC\./g)).toHaveLength(2);
  });
});
