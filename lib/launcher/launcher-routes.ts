// Requests the launcher answers in its own thread, before Next.js
// (declared in lib/public-cache/route-table.ts, LAUNCHER_ROUTES). Alert
// intake is here because monitoring tools send floods of one alert exactly
// when something breaks: Next's per-request cost caps a route handler at
// ~150 requests a second on a 2-CPU machine, while the work itself (a token
// check and one UPDATE for a repeat) allows far more (bench/alerts.ts).
// The handling is the same function and the same validation; only Next's
// routing is skipped.
import type http from "node:http";
import { Readable } from "node:stream";
import { handleAlertIntake } from "../alerts/intake";
import { errorResponse } from "../api/errors";
import type { Env } from "../env";
import { securityHeaders } from "../http/security-headers";

const ALERT_INTAKE_PATH = /^\/api\/v1\/alerts\/([^/]*)\/?$/;

/** Answers the request and returns true when it is a launcher route; false leaves it to Next.js. */
export function answerLauncherRoute(request: http.IncomingMessage, response: http.ServerResponse, env: Env): boolean {
  const pathname = (request.url ?? "/").split("?", 1)[0]!;
  const match = ALERT_INTAKE_PATH.exec(pathname);
  if (!match) return false;
  const headers = securityHeaders(pathname, { publicUrl: env.PUBLIC_URL, frameAncestors: env.CANDOR_FRAME_ANCESTORS });
  if (request.method !== "POST") {
    request.resume();
    void send(response, errorResponse(405, "method_not_allowed", `Send alerts with POST ${pathname}.`, null, { allow: "POST" }), headers);
    return true;
  }
  void answerAlertIntake(request, response, decodeSource(match[1]!), headers);
  return true;
}

async function answerAlertIntake(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  source: string,
  headers: Record<string, string>,
): Promise<void> {
  try {
    await send(response, await handleAlertIntake(toWebRequest(request), source), headers);
  } catch {
    // handleAlertIntake answers its own errors; this is the client going away mid-body.
    await send(response, errorResponse(400, "invalid_request", "The request's body could not be read. Send it again."), headers);
  }
}

function decodeSource(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toWebRequest(request: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  return new Request(new URL(request.url ?? "/", "http://candor.internal"), {
    method: request.method,
    headers,
    body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

async function send(response: http.ServerResponse, answer: Response, headers: Record<string, string>): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  if (response.headersSent || response.destroyed) return;
  response
    .writeHead(answer.status, { ...headers, ...Object.fromEntries(answer.headers), "content-length": String(body.byteLength) })
    .end(body);
}
