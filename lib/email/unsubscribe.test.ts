import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

const SECRET = "unsubscribe-test-secret-of-32-characters";
const EMAIL = "ada@example.com";
const ADDRESS = Buffer.from(EMAIL).toString("base64url");
const signWith = (key: string) => createHmac("sha256", key).update(`unsubscribe:${EMAIL}`).digest("base64url").slice(0, 32);

let unsubscribe: typeof import("./unsubscribe");
let env: typeof import("../env");

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  unsubscribe = await import("./unsubscribe");
  env = await import("../env");
});

describe("unsubscribe links", () => {
  it("are signed with the unsubscribe key, never the session key or a built-in one", () => {
    const url = new URL(unsubscribe.unsubscribeUrl("https://status.example.com", EMAIL));
    expect(unsubscribe.verifyUnsubscribe(url.searchParams.get("a")!, url.searchParams.get("t")!)).toBe(EMAIL);
    expect(url.searchParams.get("t")).toBe(signWith(env.secretKey("unsubscribe")));
    expect(unsubscribe.verifyUnsubscribe(ADDRESS, signWith(env.secretKey("sessions")))).toBeNull();
    expect(unsubscribe.verifyUnsubscribe(ADDRESS, signWith("candor-unsubscribe-development-secret"))).toBeNull();
  });

  it("made before per-purpose keys (signed with the secret itself) keep working", () => {
    expect(unsubscribe.verifyUnsubscribe(ADDRESS, signWith(SECRET))).toBe(EMAIL);
    expect(unsubscribe.verifyUnsubscribe(ADDRESS, "x".repeat(32))).toBeNull();
  });
});
