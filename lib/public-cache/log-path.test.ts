import { describe, expect, it } from "vitest";
import { pathForLog } from "./log-path";

describe("pathForLog", () => {
  it("keeps offer and invitation tokens and every query out of logs", () => {
    const token = "a".repeat(64);
    expect(pathForLog(`/offers/${token}`)).toBe("/offers/…");
    expect(pathForLog(`/offers/${token}/answer`)).toBe("/offers/…/answer");
    expect(pathForLog("/invite/secret-token")).toBe("/invite/…");
    expect(pathForLog("/unsubscribe?a=YWRhQGV4YW1wbGUuY29t&t=signature")).toBe("/unsubscribe");
    expect(pathForLog("/history?page=2")).toBe("/history");
    expect(pathForLog(undefined)).toBe("");
  });
});
