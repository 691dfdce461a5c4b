import { ApiError } from "./errors";

/** The largest JSON body the API reads (alert batches included). */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * The request's body text, refusing more than MAX_BODY_BYTES with 413 before
 * reading it all (by Content-Length, and again while streaming for chunked bodies).
 */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON object body; 400 for anything else. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text === "" ? "{}" : text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON. Send a JSON object with Content-Type: application/json.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(400, "invalid_json", "The body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

function tooLarge(): ApiError {
  return new ApiError(413, "body_too_large", `The body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes.`);
}
