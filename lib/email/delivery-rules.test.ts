import { describe, expect, it } from "vitest";
import { messageIdFor } from "./delivery-rules";

describe("delivery rules", () => {
  it("gives the same recipient of the same campaign the same Message-ID", () => {
    const id = messageIdFor("camp1", "Rich@Example.com", "status.example.com");
    expect(id).toMatch(/^<camp1\.[0-9a-f]{20}@status\.example\.com>$/);
    expect(messageIdFor("camp1", "rich@example.com", "status.example.com")).toBe(id);
    expect(messageIdFor("camp2", "rich@example.com", "status.example.com")).not.toBe(id);
  });
});
