import { describe, expect, it } from "vitest";
import { classifyFailure, HttpStatusError, retryDelayMs, sendTimeoutsFor } from "./retry-policy";

describe("the outbox's retry policy", () => {
  it("backs off exponentially up to half an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(retryDelayMs(20)).toBe(30 * 60_000);
  });

  it("email: SMTP 5xx is permanent, 4xx and network errors are transient", () => {
    expect(classifyFailure("email", { responseCode: 550, response: "550 5.1.1 No such user" })).toEqual({
      kind: "permanent",
      reason: "550 5.1.1 No such user",
    });
    expect(classifyFailure("email", { responseCode: 451, response: "451 4.3.0 Try later" })).toMatchObject({ kind: "transient" });
    expect(classifyFailure("email", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNECTION" }))).toEqual({
      kind: "transient",
      reason: "connect ECONNREFUSED 127.0.0.1:2525",
    });
  });

  it("http: 4xx is permanent (but 408 and 429), 5xx, timeouts and network errors are transient", () => {
    expect(classifyFailure("http", new HttpStatusError(404, "Not Found"))).toEqual({ kind: "permanent", reason: "HTTP 404 Not Found" });
    expect(classifyFailure("http", new HttpStatusError(410, ""))).toMatchObject({ kind: "permanent" });
    expect(classifyFailure("http", new HttpStatusError(429, ""))).toMatchObject({ kind: "transient" });
    expect(classifyFailure("http", new HttpStatusError(408, ""))).toMatchObject({ kind: "transient" });
    expect(classifyFailure("http", new HttpStatusError(503, "busy"))).toMatchObject({ kind: "transient" });
    expect(classifyFailure("http", new DOMException("The operation was aborted due to timeout", "TimeoutError"))).toMatchObject({
      kind: "transient",
    });
    expect(classifyFailure("http", new TypeError("fetch failed"))).toEqual({ kind: "transient", reason: "fetch failed" });
  });

  it("keeps every send time limit and the heartbeat below the lease", () => {
    for (const leaseMs of [8_000, 60_000, 600_000]) {
      const timeouts = sendTimeoutsFor(leaseMs);
      expect(timeouts.connectionMs + timeouts.greetingMs).toBeLessThan(leaseMs);
      expect(timeouts.socketMs).toBeLessThan(leaseMs);
      expect(timeouts.renewEveryMs).toBeLessThan(timeouts.startMarginMs);
      expect(timeouts.startMarginMs).toBeLessThan(leaseMs);
    }
    expect(sendTimeoutsFor(60_000)).toEqual({
      connectionMs: 15_000,
      greetingMs: 15_000,
      socketMs: 30_000,
      renewEveryMs: 15_000,
      startMarginMs: 30_000,
    });
  });
});
