import { describe, expect, it } from "vitest";
import { checkBody, isCrossOriginAction, needsBodyCheck } from "./action-body";

const ACTION = { "next-action": "6036fc4c11ece86094d0a8fa6119d112ee99113f50" };
const BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
const multipart = (parts: [string, string][]) =>
  Buffer.from(
    parts.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
      `--${BOUNDARY}--\r\n`,
  );
const MULTIPART = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

describe("bodies Next.js decodes before Candor's code runs", () => {
  it("are server actions and forms posted to pages, not route handlers", () => {
    expect(needsBodyCheck({ method: "POST", url: "/setup", headers: ACTION })).toBe(true);
    expect(needsBodyCheck({ method: "POST", url: "/", headers: MULTIPART })).toBe(true);
    expect(needsBodyCheck({ method: "POST", url: "/", headers: { "content-type": "text/plain" } })).toBe(false);
    expect(needsBodyCheck({ method: "POST", url: "/api/auth/sign-in/email", headers: MULTIPART })).toBe(false);
    expect(needsBodyCheck({ method: "GET", url: "/", headers: ACTION })).toBe(false);
  });

  it("pass when React's reply encoding is well formed", async () => {
    expect(
      await checkBody(
        { ...ACTION, "content-type": "text/plain;charset=UTF-8" },
        Buffer.from('["a", "$$dollar", "$undefined", {"b": "$D2026-01-01"}]'),
      ),
    ).toEqual({
      ok: true,
    });
    const withForm = multipart([
      ["1_name", "Ada"],
      ["0", '["$K1"]'],
    ]);
    expect(await checkBody({ ...ACTION, ...MULTIPART }, withForm)).toEqual({ ok: true });
    const outlined = multipart([
      ["1", '{"x": 1}'],
      ["0", '[null, "$@1"]'],
    ]);
    expect(await checkBody({ ...ACTION, ...MULTIPART }, outlined)).toEqual({ ok: true });
    expect(await checkBody(MULTIPART, multipart([["email", "a@example.com"]]))).toEqual({ ok: true });
    const nested = Buffer.from(`${"[".repeat(32)}"$undefined"${"]".repeat(32)}`);
    expect(await checkBody({ ...ACTION, "content-type": "text/plain" }, nested)).toEqual({ ok: true });
  });

  it.each([
    ["not JSON", { ...ACTION, "content-type": "text/plain" }, Buffer.from("{not json")],
    ["not an argument list", ACTION, Buffer.from('{"a": 1}')],
    ["a reference to a part that is not there", { ...ACTION, "content-type": "text/plain" }, Buffer.from('[null, "$@1"]')],
    ["an unknown marker", ACTION, Buffer.from('["$Zoo"]')],
    ["broken multipart", MULTIPART, Buffer.from(`--${BOUNDARY}\r\nbroken`)],
    ["multipart without a boundary", { "content-type": "multipart/form-data" }, Buffer.from("")],
    ["an action without its argument part", { ...ACTION, ...MULTIPART }, multipart([["1_a", "b"]])],
    ["an action part that is not JSON", { ...ACTION, ...MULTIPART }, multipart([["0", "{bad"]])],
    ["arguments nested 5,000 deep", { ...ACTION, "content-type": "text/plain" }, Buffer.from("[".repeat(5_000) + "]".repeat(5_000))],
    ["an action part nested 5,000 deep", { ...ACTION, ...MULTIPART }, multipart([["0", "[".repeat(5_000) + "]".repeat(5_000)]])],
    ["arguments nested 33 deep", { ...ACTION, "content-type": "text/plain" }, Buffer.from("[".repeat(33) + "]".repeat(33))],
  ])("are refused with a message when they hold %s", async (_case, headers, body) => {
    const verdict = await checkBody(headers, body);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.message).toMatch(/^Bad request: /);
  });

  it("from another origin are refused before Next.js (whose CSRF check throws)", () => {
    const at = { ...ACTION, host: "status.example.com" };
    expect(isCrossOriginAction({ ...at, origin: "https://status.example.com" }, false)).toBe(false);
    expect(isCrossOriginAction(at, false)).toBe(false);
    expect(isCrossOriginAction({ ...at, origin: "https://evil.example" }, false)).toBe(true);
    expect(isCrossOriginAction({ ...at, origin: "null" }, false)).toBe(true);
    const proxied = { ...ACTION, host: "127.0.0.1:3000", "x-forwarded-host": "status.example.com", origin: "https://status.example.com" };
    expect(isCrossOriginAction(proxied, true)).toBe(false);
    expect(isCrossOriginAction({ ...proxied, "x-forwarded-host": "evil.example" }, false)).toBe(true);
    expect(isCrossOriginAction({ host: "a", origin: "https://b" }, false)).toBe(false);
  });

  it("include a form posted to a page from another origin, with no Next-Action header (Next.js checks it too)", () => {
    const form = { ...MULTIPART, host: "status.example.com" };
    expect(isCrossOriginAction({ ...form, origin: "https://status.example.com" }, false)).toBe(false);
    expect(isCrossOriginAction(form, false)).toBe(false);
    expect(isCrossOriginAction({ ...form, origin: "https://evil.example", "x-forwarded-host": "evil.example" }, false)).toBe(true);
    expect(isCrossOriginAction({ ...form, origin: "not a url" }, false)).toBe(true);
  });
});
