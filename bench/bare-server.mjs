// The baseline: bare node:http returning fixed bytes. Its own process, so
// the benchmark's blocking wrk calls cannot stall it.
import http from "node:http";
import { readFileSync } from "node:fs";

const [port, bodyFile, headersJson] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const headers = JSON.parse(headersJson);
http.createServer((_request, response) => response.writeHead(200, headers).end(body)).listen(Number(port), "127.0.0.1", () => console.log("ready"));
