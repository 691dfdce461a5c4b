// The baseline: bare node:http returning fixed bytes per path, read once.
// Its own process, so the benchmark's blocking wrk calls cannot stall it.
// Usage: node bare-server.mjs <port> <manifest.json>, the manifest mapping
// each path to { "file": ..., "headers": { ... } }.
import http from "node:http";
import { readFileSync } from "node:fs";

const [port, manifestFile] = process.argv.slice(2);
const routes = new Map(
  Object.entries(JSON.parse(readFileSync(manifestFile, "utf8"))).map(([path, { file, headers }]) => [
    path,
    { body: readFileSync(file), headers },
  ]),
);
http
  .createServer((request, response) => {
    const route = routes.get(request.url);
    if (!route) return response.writeHead(404).end();
    response.writeHead(200, route.headers).end(route.body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
