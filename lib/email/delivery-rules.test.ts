import { describe, expect, it } from "vitest";
import { classifySendError, messageIdFor, retryDelayMs, senderHeader } from "./delivery-rules";

describe("delivery rules", () => {
  it("backs off exponentially up to half an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(retryDelayMs(20)).toBe(30 * 60_000);
  });

  it("treats SMTP 5xx as permanent and 4xx or network errors as transient", () => {
    expect(classifySendError({ responseCode: 550, response: "550 5.1.1 No such user" })).toEqual({
      kind: "permanent",
      reason: "550 5.1.1 No such user",
    });
    expect(classifySendError({ responseCode: 451, response: "451 4.3.0 Try later" })).toMatchObject({ kind: "transient" });
    expect(classifySendError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNECTION" }))).toEqual({
      kind: "transient",
      reason: "connect ECONNREFUSED 127.0.0.1:2525",
    });
  });

  it("gives the same recipient of the same campaign the same Message-ID", () => {
    const id = messageIdFor("camp1", "Rich@Example.com", "status.example.com");
    expect(id).toMatch(/^<camp1\.[0-9a-f]{20}@status\.example\.com>$/);
    expect(messageIdFor("camp1", "rich@example.com", "status.example.com")).toBe(id);
    expect(messageIdFor("camp2", "rich@example.com", "status.example.com")).not.toBe(id);
  });
});

describe("senderHeader", () => {
  it("names the page as the sender, quoted and escaped", () => {
    expect(senderHeader("Leavely Status", "status@leavely.example")).toBe('"Leavely Status" <status@leavely.example>');
    expect(senderHeader('Acme "Ops" \\ status', "s@acme.test")).toBe('"Acme \\"Ops\\" \\\\ status" <s@acme.test>');
    expect(senderHeader("Line\r\nBcc: evil@x.test", "s@acme.test")).toBe('"Line Bcc: evil@x.test" <s@acme.test>');
  });
});
