import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-token";
import { createAdmin } from "../support/factories";
import { callApi } from "../support/api-client";

// Read before the first request builds the limiter.
process.env.CANDOR_API_RATE_LIMIT = "5";

afterAll(() => {
  delete process.env.CANDOR_API_RATE_LIMIT;
});

let tokens: string[];
beforeAll(async () => {
  const admin = await createAdmin();
  tokens = [
    (await createApiToken(admin, { name: "flood", role: "viewer" })).token,
    (await createApiToken(admin, { name: "calm", role: "viewer" })).token,
  ];
});

it("answers a flood from one token with 429 and Retry-After, and leaves other tokens alone", async () => {
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 8; i++) {
    const answer = await callApi("GET", "/components", { token: tokens[0] });
    statuses.push(answer.status);
    if (answer.status === 429) {
      retryAfter = answer.headers.get("retry-after");
      expect(answer.body.error.code).toBe("rate_limited");
    }
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  expect((await callApi("GET", "/components", { token: tokens[1] })).status).toBe(200);
});
