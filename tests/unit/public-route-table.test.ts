// The public routes are declared once (lib/public-cache/route-table.ts); this
// walks app/ so a new route cannot be forgotten there.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIVE_STREAM_PATH } from "@/lib/public-cache/live-stream";
import { FRONT_ROUTES, LAUNCHER_ROUTES, PUBLIC_FOLDER_FILES, PUBLIC_ROUTES } from "@/lib/public-cache/route-table";
import { classifyPublicRequest } from "@/lib/public-cache/routes";

const APP = path.resolve("app");

/** Every page.tsx and route.ts under app/ outside app/admin, as its route ("/incidents/[id]"). */
async function appRoutes(): Promise<{ route: string; file: string }[]> {
  const found: { route: string; file: string }[] = [];
  const walk = async (directory: string) => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/^(page\.tsx|route\.ts)$/.test(entry.name)) {
        const segments = path
          .relative(APP, directory)
          .split(path.sep)
          .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
        found.push({ route: `/${segments.join("/")}`, file: full });
      }
    }
  };
  await walk(APP);
  return found.filter(({ route }) => route !== "/admin" && !route.startsWith("/admin/"));
}

const known = (id: string) => id === "inc1";

describe("the public route table", () => {
  it("lists every route in app/ outside the admin, and nothing that is not there", async () => {
    const routes = (await appRoutes()).map(({ route }) => route).sort();
    expect(routes).toEqual(Object.keys(PUBLIC_ROUTES).sort());
  });

  it("agrees with the front server's classifier: cached routes get a key, the others go to Next", () => {
    const disagreements = Object.entries(PUBLIC_ROUTES)
      .filter(([, entry]) => (classifyPublicRequest(entry.example, known) !== null) !== entry.cached)
      .map(([route]) => route);
    expect(disagreements).toEqual([]);
  });

  it("keys a cached route by every query parameter it reads, and declares every one it reads", async () => {
    for (const { route, file } of await appRoutes()) {
      const entry = PUBLIC_ROUTES[route]!;
      if (!entry.cached) continue;
      const source = await readFile(file, "utf8");
      const reads = source.includes("searchParams");
      expect([route, reads], `${file} reads the query: declare the parameters in route-table.ts`).toEqual([
        route,
        (entry.query ?? []).length > 0,
      ]);
      for (const name of entry.query ?? []) {
        const value = entry.queryExample?.[name] ?? "2";
        expect(classifyPublicRequest(`${entry.example}?${name}=${value}`, known)?.key).toContain(`${name}=${value}`);
      }
    }
  });

  it("declares the routes the front server answers itself, which are neither cached nor in app/", async () => {
    expect(Object.keys(FRONT_ROUTES)).toEqual([LIVE_STREAM_PATH]);
    const appPaths = new Set((await appRoutes()).map(({ route }) => route));
    for (const [route, entry] of Object.entries(FRONT_ROUTES)) {
      expect([route, appPaths.has(route), classifyPublicRequest(entry.example, known)]).toEqual([route, false, null]);
    }
  });

  it("declares the routes the launcher answers before Next.js, which are neither cached nor in app/", async () => {
    const appPaths = new Set((await appRoutes()).map(({ route }) => route));
    for (const [route, entry] of Object.entries(LAUNCHER_ROUTES)) {
      expect([route, appPaths.has(route), classifyPublicRequest(entry.example, known)]).toEqual([route, false, null]);
    }
  });

  it("lists every file in the public/ folder, which the front server refuses to write to", async () => {
    expect((await readdir(path.resolve("public"))).sort()).toEqual([...PUBLIC_FOLDER_FILES].sort());
  });
});
