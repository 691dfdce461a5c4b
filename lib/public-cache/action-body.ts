// Bodies that Next.js decodes itself before any Candor code runs: a server
// action's arguments (React's reply encoding) and a form posted to a page.
// Next.js answers a malformed one with a 500; the front server reads it first
// and answers 400, so only well-formed bodies reach Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Next.js's own limit for server action bodies (next.config.ts), plus the multipart framing. */
export const MAX_ACTION_BODY_BYTES = 11 * 1024 * 1024 + 64 * 1024;

// React's reply encoding: "$" plus a letter marks a reference to another part,
// except these self-contained values ("$$" escapes a literal "$").
const VALUE_MARKER = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n)/;
const REFERENCE = /^\$([A-Za-z@]?)([0-9a-f]+)(?::|$)/;

export type BodyVerdict = { ok: true } | { ok: false; message: string };

/** Server actions and forms posted to pages; route handlers under /api read their own bodies. */
export function needsBodyCheck(request: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (request.method !== "POST" || (request.url ?? "").startsWith("/api/")) return false;
  const type = String(request.headers["content-type"] ?? "").toLowerCase();
  return request.headers["next-action"] !== undefined || type.startsWith("multipart/form-data");
}

/**
 * Next.js refuses a server action whose Origin is not the host it was sent
 * to (its CSRF check) by throwing, which becomes a 500: the front answers
 * 403 first. Next.js takes every multipart POST to a page for a possible
 * action (a form posted without JavaScript), with or without a Next-Action
 * header, and checks its Origin the same way. The host is the one Next.js
 * compares with: X-Forwarded-Host behind a trusted proxy, else Host.
 */
export function isCrossOriginAction(headers: IncomingMessage["headers"], trustProxy: boolean): boolean {
  const origin = headers.origin;
  const isMultipart = String(headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("multipart/form-data");
  if ((headers["next-action"] === undefined && !isMultipart) || origin === undefined) return false;
  const forwarded = trustProxy
    ? String(headers["x-forwarded-host"] ?? "")
        .split(",")[0]!
        .trim()
    : "";
  const host = forwarded || headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Reads the whole body, or null when it is longer than the limit (the caller
 * answers 413).
 */
export function readBody(request: IncomingMessage, limit = MAX_ACTION_BODY_BYTES): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/**
 * Deeper than any of Candor's actions' arguments (a form, a few plain
 * values). A body nested thousands deep once overflowed the stack here, and
 * React's decoder recurses too.
 */
const MAX_DEPTH = 32;

function referenceExists(value: string, parts: Set<string>): boolean {
  if (!value.startsWith("$") || VALUE_MARKER.test(value)) return true;
  const reference = REFERENCE.exec(value);
  if (!reference) return false;
  const [, tag, id] = reference;
  // "$K<id>" is a FormData made of the fields prefixed "<id>_": any number of them, none included.
  return tag === "K" || parts.has(String(parseInt(id!, 16)));
}

/** Whether a decoded JSON value nests at most MAX_DEPTH deep and every reference in it names a part that exists. */
function referencesExist(root: unknown, parts: Set<string>): boolean {
  const pending: [unknown, number][] = [[root, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value === "string") {
      if (!referenceExists(value, parts)) return false;
    } else if (value && typeof value === "object") {
      if (depth >= MAX_DEPTH) return false;
      for (const item of Object.values(value)) pending.push([item, depth + 1]);
    }
  }
  return true;
}

function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

async function parseForm(body: Buffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

const BAD_FORM: BodyVerdict = { ok: false, message: "Bad request: the form data could not be read." };
const BAD_ACTION: BodyVerdict = { ok: false, message: "Bad request: the action's arguments could not be read." };
const BAD_BODY: BodyVerdict = { ok: false, message: "Bad request: the body could not be read." };

/** Checks a body for which needsBodyCheck was true. */
export async function checkBody(headers: IncomingMessage["headers"], body: Buffer): Promise<BodyVerdict> {
  const contentType = String(headers["content-type"] ?? "");
  const isAction = headers["next-action"] !== undefined;
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    const form = await parseForm(body, contentType);
    if (!form) return BAD_FORM;
    if (!isAction) return { ok: true };
    // Parts "0", "1", … hold JSON; "0" is the argument list.
    const names = new Set<string>();
    const parts = new Map<string, string>();
    for (const [name, value] of form) {
      if (!/^\d+$/.test(name)) continue;
      names.add(name);
      if (typeof value === "string") parts.set(name, value);
    }
    if (!parts.has("0")) return BAD_ACTION;
    for (const text of parts.values()) {
      const parsed = parseJson(text);
      if (!parsed || !referencesExist(parsed.value, names)) return BAD_ACTION;
    }
    return { ok: true };
  }
  if (!isAction) return { ok: true };
  const parsed = parseJson(body.toString("utf8"));
  return parsed && Array.isArray(parsed.value) && referencesExist(parsed.value, new Set()) ? { ok: true } : BAD_ACTION;
}

/**
 * A server action or a form posted to a page: handed on (with its body, read
 * here) only when Next.js can decode it; otherwise answered 403, 413 or 400.
 * The front server and, with the cache off, the launcher both use it.
 */
export async function forwardCheckedBody(
  request: IncomingMessage,
  response: ServerResponse,
  trustProxy: number,
  forward: (request: IncomingMessage, response: ServerResponse, body: Buffer) => void,
): Promise<void> {
  if (isCrossOriginAction(request.headers, trustProxy > 0)) {
    return refuseBody(response, 403, "Forbidden: this action may only be sent from Candor's own pages.");
  }
  const body = await readBody(request).catch(() => null);
  if (!body) return refuseBody(response, 413, "Payload too large: at most 11 MB.");
  // Whatever the check meets, the request gets an answer and the server stays up.
  const verdict = await checkBody(request.headers, body).catch((): BodyVerdict => BAD_BODY);
  if (!verdict.ok) return refuseBody(response, 400, verdict.message);
  forward(request, response, body);
}

function refuseBody(response: ServerResponse, status: number, message: string): void {
  response
    .writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" })
    .end(`${message}\n`);
}
