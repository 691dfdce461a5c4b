import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError, ValidationError } from "../errors";
import { ApiError, toApiErrorResponse } from "./errors";

async function answer(error: unknown) {
  const response = toApiErrorResponse(error);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

describe("the API's error mapping", () => {
  it("gives every failure the one shape, with the field at fault", async () => {
    expect(await answer(new ApiError(413, "body_too_large", "Too big."))).toMatchObject({
      status: 413,
      body: { error: { code: "body_too_large", message: "Too big.", field: null } },
    });
    const parsed = z.object({ impact: z.enum(["minor"]) }).safeParse({ impact: 3 });
    expect((await answer(parsed.error)).body.error).toMatchObject({ code: "invalid_field", field: "impact" });
    expect(await answer(new ValidationError("Too early.", { scheduledEnd: ["Choose a later end."] }))).toMatchObject({
      status: 422,
      body: { error: { field: "scheduledEnd", message: "Too early. Choose a later end." } },
    });
    expect((await answer(new ConflictError("Resolved already."))).body.error.code).toBe("conflict");
  });

  it("answers a database pool or transaction timeout (a flood) with 429 and Retry-After, not a 5xx", async () => {
    for (const code of ["P2024", "P2028"]) {
      expect(await answer(Object.assign(new Error("timed out"), { code }))).toMatchObject({
        status: 429,
        retryAfter: "1",
        body: { error: { code: "busy" } },
      });
    }
  });
});
