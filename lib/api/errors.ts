// The REST API's one error shape, { "error": { code, message, field } }, and
// the one mapping from thrown errors to it.
import { z } from "zod";
import { DomainError, ValidationError } from "../errors";

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable, machine-readable: invalid_json, invalid_field, unknown_field, unauthenticated, forbidden, …"),
      message: z.string().describe("For people: what is wrong and what to do next."),
      field: z.string().nullable().describe("The input field at fault (dotted path), or null."),
    }),
  })
  .meta({ id: "Error" });

/** A failure the API answers itself (bad body, flood, conflict on a replayed key). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const CODES: Record<number, string> = {
  400: "invalid_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "invalid_field",
  429: "rate_limited",
};

export function errorResponse(
  status: number,
  code: string,
  message: string,
  field: string | null = null,
  headers: Record<string, string> = {},
) {
  return Response.json({ error: { code, message, field } }, { status, headers });
}

/** The first issue of a failed parse, naming its field. */
export function fromZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.join(".") || null;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    const path = [...issue.path, key].join(".");
    return new ApiError(400, "unknown_field", `Unknown field “${path}”. See /api/v1/docs for the fields this endpoint takes.`, path);
  }
  return new ApiError(400, "invalid_field", field ? `${field}: ${issue.message}` : issue.message, field);
}

/** Maps anything thrown by a handler. Unexpected errors are logged with a reference, never shown. */
export function toApiErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.field, error.headers);
  if (error instanceof z.ZodError) return toApiErrorResponse(fromZodError(error));
  if (error instanceof ValidationError) {
    const [field, messages] = Object.entries(error.fieldErrors)[0] ?? [null, []];
    return errorResponse(error.status, "invalid_field", messages?.[0] ? `${error.message} ${messages[0]}` : error.message, field);
  }
  if (error instanceof DomainError) return errorResponse(error.status, CODES[error.status] ?? "error", error.message);
  if (isOverload(error)) {
    return errorResponse(429, "busy", "Candor is busy with other requests. Retry in a second.", null, { "retry-after": "1" });
  }
  const reference = Math.random().toString(36).slice(2, 10);
  console.error(`[api ${reference}]`, error);
  return errorResponse(500, "internal", `Something went wrong on our side (reference ${reference}). Try again.`);
}

/**
 * Prisma's "no free connection in time" (P2024) and "transaction timed out"
 * (P2028): a flood beyond what the database pool serves. The request changed
 * nothing (its transaction rolled back), so the honest answer is to retry.
 */
function isOverload(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2024" || code === "P2028";
}
