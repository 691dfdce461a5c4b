// The steps every /api/v1 request takes: authenticate the token, count it
// against the rate limit, check its role, read and parse the body with the
// domain's zod schema (unknown fields refused), answer once per
// Idempotency-Key, call the domain, and map every failure to one JSON shape.
import { z } from "zod";
import { authenticateApiToken, type TokenActor } from "../api-tokens/authenticate";
import { hasPermission, type Permission } from "../auth/roles";
import { getEnv } from "../env";
import { refreshPublicSnapshot } from "../public-snapshot";
import { ApiError, fromZodError, toApiErrorResponse } from "./errors";
import { answerOnce, requestFingerprint, type StoredAnswer } from "./idempotency";
import { TokenRateLimiter } from "./rate-limit";
import { findUnknownField } from "./unknown-fields";
import { parseJsonObject, readBodyText } from "./read-body";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface Endpoint<S extends z.ZodType = z.ZodType> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path under /api/v1, e.g. /incidents/{incidentId}/updates. Path parameters are fields of `body`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  permission: Permission;
  /** The domain's input schema (the admin form's); path parameters are merged into the body before parsing. */
  body?: S;
  response: { status: 200 | 201; description: string; schema: z.ZodType };
  /** False for reads; writes refresh the public snapshot. */
  isWrite: boolean;
  run: (actor: TokenActor, input: z.infer<S>, params: Record<string, string>) => Promise<unknown>;
}

const LIMITER_KEY = Symbol.for("candor.apiRateLimiter");

/** One limiter per process (Next bundles this module more than once), rebuilt if the configured limit differs. */
function limiter(): TokenRateLimiter {
  const holder = globalThis as { [LIMITER_KEY]?: TokenRateLimiter };
  const limit = getEnv().CANDOR_API_RATE_LIMIT;
  if (holder[LIMITER_KEY]?.limitPerMinute !== limit) holder[LIMITER_KEY] = new TokenRateLimiter(limit);
  return holder[LIMITER_KEY];
}

/** Authenticates and rate-limits a request; shared with alert intake and MCP. */
export async function authenticateRequest(request: Request, permission: Permission): Promise<TokenActor> {
  const actor = await authenticateApiToken(request.headers.get("authorization"));
  const decision = limiter().take(actor.apiToken.id);
  if (!decision.allowed) {
    throw new ApiError(429, "rate_limited", `Too many requests for this token. Retry in ${decision.retryAfterSeconds} s.`, null, {
      "retry-after": String(decision.retryAfterSeconds),
    });
  }
  if (!hasPermission(actor.role, permission)) {
    throw new ApiError(
      403,
      "forbidden",
      `This token's role (${actor.role}) cannot do this. Create a responder token in Admin → API tokens.`,
    );
  }
  return actor;
}

/** Turns an endpoint into a Next route handler. */
export function route<S extends z.ZodType>(endpoint: Endpoint<S>) {
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const params = stringParams(await context.params);
      const actor = await authenticateRequest(request, endpoint.permission);
      const text = endpoint.body ? await readBodyText(request) : "";
      const key = request.headers.get("idempotency-key");
      const answer = () => respond(endpoint, actor, text, params);
      const result =
        endpoint.method === "POST" && key !== null
          ? await answerOnce(actor.apiToken.id, key, requestFingerprint(request.method, new URL(request.url).pathname, text), answer)
          : { ...(await answer()), replayed: false };
      return Response.json(result.body, { status: result.status, headers: result.replayed ? { "idempotent-replayed": "true" } : {} });
    } catch (error) {
      return toApiErrorResponse(error);
    }
  };
}

async function respond<S extends z.ZodType>(
  endpoint: Endpoint<S>,
  actor: TokenActor,
  text: string,
  params: Record<string, string>,
): Promise<StoredAnswer> {
  try {
    const input = endpoint.body ? parseInput(endpoint, parseJsonObject(text), params) : (undefined as z.infer<S>);
    const body = await endpoint.run(actor, input, params);
    if (endpoint.isWrite) await showChange();
    return { status: endpoint.response.status, body };
  } catch (error) {
    // Domain refusals are answers too: a replay gets the same refusal.
    const response = toApiErrorResponse(error);
    return { status: response.status, body: await response.json() };
  }
}

function parseInput<S extends z.ZodType>(endpoint: Endpoint<S>, body: Record<string, unknown>, params: Record<string, string>): z.infer<S> {
  const allowed = bodyFieldNames(endpoint);
  const unknown = Object.keys(body).find((name) => !allowed.includes(name)) ?? findUnknownField(body, inputJsonSchema(endpoint));
  if (unknown) {
    throw new ApiError(
      400,
      "unknown_field",
      `Unknown field “${unknown}”. This endpoint takes: ${allowed.join(", ") || "no fields"} (see /api/v1/docs).`,
      unknown,
    );
  }
  const parsed = endpoint.body!.safeParse({ ...body, ...params });
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

const inputSchemas = new WeakMap<z.ZodType, Parameters<typeof findUnknownField>[1]>();

/** The body schema as JSON Schema (what the OpenAPI document shows), computed once. */
function inputJsonSchema(endpoint: Endpoint): Parameters<typeof findUnknownField>[1] {
  let schema = inputSchemas.get(endpoint.body!);
  if (!schema) {
    schema = z.toJSONSchema(endpoint.body!, { io: "input", unrepresentable: "any" }) as Parameters<typeof findUnknownField>[1];
    inputSchemas.set(endpoint.body!, schema);
  }
  return schema;
}

/** The body's object schema, under any `.transform()` (a pipe whose input is the object); null for other bodies. */
export function bodyObject(endpoint: Endpoint): z.ZodObject | null {
  let schema: unknown = endpoint.body;
  while (schema instanceof z.ZodPipe) schema = schema.in;
  return schema instanceof z.ZodObject ? schema : null;
}

/** The fields a client may send: the schema's, less path parameters. */
export function bodyFieldNames(endpoint: Endpoint): string[] {
  const body = bodyObject(endpoint);
  if (!body) return [];
  const excluded = new Set(pathParamNames(endpoint.path));
  return Object.keys(body.shape).filter((name) => !excluded.has(name));
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

function stringParams(params: Record<string, string | string[]> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) result[name] = Array.isArray(value) ? value.join("/") : value;
  return result;
}

/**
 * As after an admin form: this instance's public pages show the change at
 * once, others within a second. Every page is rendered per request (public
 * ones from the snapshot, admin ones for the session), so Next.js holds no
 * page to revalidate; and alert intake runs outside Next (the launcher).
 */
export async function showChange(): Promise<void> {
  await refreshPublicSnapshot().catch(() => {});
}
