// A plain static file host for the mirror's tests: answers GET with the file
// at the URL's path (a folder's index.html for a path ending in "/"), as
// nginx, GitHub Pages or a bucket's website endpoint do, from a folder or
// from a bucket's objects. Nothing of Candor's runs in it.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticFile {
  body: Buffer | string;
  contentType: string | null;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".js": "application/javascript",
  ".svg": "image/svg+xml",
  ".rss": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** Files from a folder, typed by extension (nginx's types; no extension is JSON, as `api/banner` is). */
export function folderFiles(folder: string): (key: string) => Promise<StaticFile | null> {
  return async (key) => {
    const file = path.resolve(folder, key);
    if (!file.startsWith(path.resolve(folder) + path.sep)) return null;
    const body = await readFile(file).catch(() => null);
    return body && { body, contentType: TYPES[path.extname(file)] ?? "application/json" };
  };
}

/** `cors`: answer with `Access-Control-Allow-Origin: *`, as a bucket with a CORS rule for GET does. */
export async function startStaticServer(
  read: (key: string) => Promise<StaticFile | null>,
  { cors = false }: { cors?: boolean } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://static.invalid").pathname);
    const key = (pathname.endsWith("/") ? `${pathname}index.html` : pathname).slice(1);
    read(key).then(
      (file) => {
        if (!file) return void response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
        const allow = cors ? { "access-control-allow-origin": "*" } : {};
        response.writeHead(200, { "content-type": file.contentType ?? "application/octet-stream", ...allow }).end(file.body);
      },
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
