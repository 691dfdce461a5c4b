import { describe, expect, it } from "vitest";
import { classifyDatabaseFailure, isDatabaseUnavailable, NOT_ANSWERING } from "./failure";

const withCode = (code: string, message = "") => Object.assign(new Error(message), { code });

describe("classifyDatabaseFailure", () => {
  it("names refused, timed-out, dropped and refused-login connections from pg's and Prisma's codes", () => {
    expect(classifyDatabaseFailure(withCode("ECONNREFUSED"))).toBe("refused");
    expect(classifyDatabaseFailure(withCode("P1001"))).toBe("refused");
    expect(classifyDatabaseFailure(withCode("P2028", "Transaction API error: Unable to start a transaction in the given time."))).toBe(
      "timeout",
    );
    expect(classifyDatabaseFailure(withCode("57P01"))).toBe("closed");
    expect(classifyDatabaseFailure(withCode("28P01"))).toBe("auth");
  });

  it("finds the cause inside a wrapping error, and the query deadline by its message", () => {
    expect(classifyDatabaseFailure(new Error("outer", { cause: new Error(NOT_ANSWERING) }))).toBe("timeout");
    expect(classifyDatabaseFailure(new Error("Connection terminated unexpectedly"))).toBe("closed");
    expect(classifyDatabaseFailure(new Error("timeout exceeded when trying to connect"))).toBe("timeout");
  });

  it("leaves everything else alone: a bug or a constraint is not an outage", () => {
    expect(classifyDatabaseFailure(new TypeError("x is undefined"))).toBeNull();
    expect(classifyDatabaseFailure(withCode("P2002"))).toBeNull();
    expect(isDatabaseUnavailable(withCode("28P01"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("ECONNREFUSED"))).toBe(true);
  });
});
