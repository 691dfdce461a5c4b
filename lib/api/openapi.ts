// The OpenAPI 3.1 document, generated from the endpoint table and the same
// zod schemas that parse requests (zod 4's JSON Schema output): it cannot
// drift from what the API accepts.
import { z } from "zod";
import { ALERT_INTAKE_ENDPOINT } from "../alerts/intake";
import { ALERT_SOURCES } from "../alerts/payloads";
import { ENDPOINTS } from "./endpoints";
import { apiErrorSchema } from "./errors";
import { bodyFieldNames, bodyObject, pathParamNames, type Endpoint } from "./handle";
import { MAX_BODY_BYTES } from "./read-body";

type JsonSchema = Record<string, unknown>;

const ERROR_RESPONSES: Record<string, string> = {
  "400": "Malformed JSON, an unknown field, or a field of the wrong type (`field` names it).",
  "401": "Missing, unknown, expired or revoked token.",
  "403": "The token's role cannot do this (viewer tokens only read).",
  "404": "No such resource.",
  "409": "Conflicts with the current state, or an Idempotency-Key reused with another body.",
  "413": `The body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes.`,
  "422": "The request is well-formed but the change is not possible (the message says why).",
  "429": "Too many requests for this token, or Candor is too busy right now; retry after Retry-After seconds.",
};

class SchemaCollector {
  readonly schemas: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
    const text = JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/');
    const { $schema: _ignored, $defs, ...rest } = JSON.parse(text) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    Object.assign(this.schemas, $defs ?? {});
    return rest;
  }
}

function requestSchema(collector: SchemaCollector, endpoint: Endpoint): JsonSchema | null {
  if (!endpoint.body) return null;
  const schema = collector.convert(endpoint.body, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  const allowed = new Set(bodyFieldNames(endpoint));
  for (const name of Object.keys(schema.properties ?? {})) if (!allowed.has(name)) delete schema.properties![name];
  if (schema.required) schema.required = schema.required.filter((name) => allowed.has(name));
  // The API refuses unknown fields at any depth (lib/api/unknown-fields.ts); third-party payloads (alert intake) stay open.
  return bodyObject(endpoint) ? closeObjects(schema) : schema;
}

/** Marks every object schema with known properties as taking no others. */
function closeObjects(schema: JsonSchema): JsonSchema {
  const closed: JsonSchema = { ...schema };
  if (closed.properties) {
    closed.properties = Object.fromEntries(
      Object.entries(closed.properties as Record<string, JsonSchema>).map(([name, field]) => [name, closeObjects(field)]),
    );
    closed.additionalProperties = false;
  }
  if (closed.items) closed.items = closeObjects(closed.items as JsonSchema);
  return closed;
}

function operation(collector: SchemaCollector, endpoint: Endpoint): JsonSchema {
  const body = requestSchema(collector, endpoint);
  const parameters: JsonSchema[] = pathParamNames(endpoint.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: name === "source" ? { type: "string", enum: [...ALERT_SOURCES] } : { type: "string", minLength: 1, maxLength: 64 },
  }));
  if (endpoint.method === "POST") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Repeat a POST safely: a replay returns the first answer; the same key with another body is 409. Kept for 24 hours.",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    });
  }
  const errors = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
    responses: {
      [String(endpoint.response.status)]: {
        description: endpoint.response.description,
        content: { "application/json": { schema: collector.convert(endpoint.response.schema, "output") } },
      },
      ...errors,
    },
  };
}

/** Every endpoint the document describes, REST and alert intake. */
export function documentedEndpoints(): Endpoint[] {
  return [...(Object.values(ENDPOINTS) as Endpoint[]), ALERT_INTAKE_ENDPOINT];
}

export function buildOpenApiDocument(serverUrl: string): JsonSchema {
  const collector = new SchemaCollector();
  collector.convert(apiErrorSchema, "output");
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of documentedEndpoints()) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(collector, endpoint);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Candor API",
      version: "1",
      description:
        'Automate Candor: components, incidents, maintenance, the sign-in banner, and alert intake. Authenticate with an API token from Admin → API tokens: `Authorization: Bearer <token>`. Errors are `{ "error": { "code", "message", "field" } }`.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: collector.schemas },
  };
}
