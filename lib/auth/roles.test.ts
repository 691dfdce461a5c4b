import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, toDatabaseRole, toOperatorRole } from "./roles";

describe("roles", () => {
  it("lets every operator read, responders do incident work, and only admins manage", () => {
    expect(hasPermission("viewer", "admin:read")).toBe(true);
    expect(hasPermission("viewer", "incidents:write")).toBe(false);
    expect(hasPermission("responder", "incidents:write")).toBe(true);
    expect(hasPermission("responder", "operators:manage")).toBe(false);
    expect(hasPermission("responder", "settings:write")).toBe(false);
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission("admin", permission)).toBe(true);
    }
  });

  it("gives viewers no write permission at all", () => {
    const writes = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((permission) => hasPermission("viewer", permission));
    expect(writes).toEqual(["admin:read", "audit:read"]);
  });

  it("converts between the database's enum names and the app's role names", () => {
    expect(toOperatorRole("RESPONDER")).toBe("responder");
    expect(toDatabaseRole("viewer")).toBe("VIEWER");
    expect(() => toOperatorRole("owner")).toThrow(/Unknown operator role/);
  });
});
