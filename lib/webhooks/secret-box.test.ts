import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret } from "./secret-box";

const key = randomBytes(32).toString("base64url");
const otherKey = randomBytes(32).toString("base64url");
const secret = `whsec_${randomBytes(24).toString("base64")}`;

describe("webhook secrets at rest", () => {
  it("seal to a value that does not contain the secret, differs each time, fits the column and opens again", () => {
    const first = sealSecret(secret, key);
    const second = sealSecret(secret, key);
    expect(isSealed(first)).toBe(true);
    expect(first).not.toContain(secret.slice(6, 20));
    expect(first).not.toBe(second);
    expect(first.length).toBeLessThanOrEqual(100);
    expect([openSecret(first, key), openSecret(second, key)]).toEqual([secret, secret]);
  });

  it("do not open under another key, nor when altered", () => {
    const sealed = sealSecret(secret, key);
    expect(openSecret(sealed, otherKey)).toBeNull();
    const [version, iv, body, tag] = sealed.split(".");
    const flipped = body!.slice(0, -2) + (body!.at(-2) === "A" ? "B" : "A") + body!.at(-1);
    expect(openSecret([version, iv, flipped, tag].join("."), key)).toBeNull();
    expect(openSecret(`${version}.${iv}.${body}`, key)).toBeNull();
    expect(openSecret("garbage", key)).toBeNull();
  });

  it("read a plain secret stored before sealing as it is", () => {
    expect(isSealed(secret)).toBe(false);
    expect(openSecret(secret, key)).toBe(secret);
  });
});
