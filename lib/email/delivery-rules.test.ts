import { describe, expect, it } from "vitest";
import { messageIdFor, senderHeader } from "./delivery-rules";

describe("delivery rules", () => {
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
