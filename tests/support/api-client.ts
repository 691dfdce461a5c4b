// Calls /api/v1 route handlers in-process, as Next would, and checks each
// answer against the OpenAPI document (the schema of its status code).
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import { ENDPOINTS } from "../../lib/api/endpoints";
import { route, type Endpoint } from "../../lib/api/handle";
import { buildOpenApiDocument } from "../../lib/api/openapi";

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content: { "application/json": { schema: object } } }> }>>;
  components: object;
};

export const openApiDocument = buildOpenApiDocument("http://candor.test") as unknown as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });

export interface ApiCall {
  token?: string | null;
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience: answers are checked against the schema
  headers: Headers;
}

export function findEndpoint(method: string, path: string): { endpoint: Endpoint; params: Record<string, string> } {
  for (const endpoint of Object.values(ENDPOINTS) as Endpoint[]) {
    if (endpoint.method !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
    const match = pattern.exec(path);
    if (match) return { endpoint, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)])) };
  }
  throw new Error(`No endpoint for ${method} ${path}`);
}

/** One request to `/api/v1${path}`; the answer is validated against the document. */
export async function callApi(method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const { endpoint, params } = findEndpoint(method, path);
  const headers = new Headers(call.headers);
  if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  const text = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (text !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://candor.test/api/v1${path}`, { method, headers, body: text });
  const response = await route(endpoint)(request, { params: Promise.resolve(params) });
  const body = await response.json();
  expectDocumented(endpoint, response.status, body);
  return { status: response.status, body, headers: response.headers };
}

export function expectDocumented(endpoint: Endpoint, status: number, body: unknown): void {
  const responses = openApiDocument.paths[endpoint.path]?.[endpoint.method.toLowerCase()]?.responses;
  const documented = responses?.[String(status)];
  expect(documented, `${endpoint.method} ${endpoint.path} answered ${status}, which the document does not list`).toBeDefined();
  const validate = ajv.compile({ ...documented!.content["application/json"].schema, components: openApiDocument.components });
  expect(validate(body), `${endpoint.method} ${endpoint.path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}
