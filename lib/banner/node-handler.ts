import type { IncomingMessage, ServerResponse } from "node:http";
import { BANNER_CORS_HEADERS, bannerHttpResponse, peekBannerResponse, type BannerHttpResponse } from "./http-response";

const PATH = "/api/banner";

function send(request: IncomingMessage, response: ServerResponse, result: BannerHttpResponse): void {
  response.writeHead(result.status, result.headers);
  response.end(request.method === "HEAD" ? undefined : (result.body ?? undefined));
}

/** Answers /api/banner on a plain node:http server; returns false for every other request. */
export function answerBannerRequest(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? "";
  if (url !== PATH && !url.startsWith(`${PATH}?`)) return false;
  if (request.method === "OPTIONS") {
    response.writeHead(204, BANNER_CORS_HEADERS).end();
    return true;
  }
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const ready = peekBannerResponse(request.headers["if-none-match"]);
  if (ready) {
    send(request, response, ready);
    return true;
  }
  bannerHttpResponse(request.headers["if-none-match"]).then(
    (result) => send(request, response, result),
    (error: Error) => {
      console.error(`candor: /api/banner: ${error.message}`);
      response.writeHead(503, { ...BANNER_CORS_HEADERS, "Content-Type": "application/json", "Retry-After": "5" });
      response.end(JSON.stringify({ error: "The banner is unavailable right now." }));
    },
  );
  return true;
}
