import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const HTTP = { publicUrl: "http://localhost:3000", frameAncestors: [] };

describe("securityHeaders", () => {
  it("keeps the admin and sign-in out of every frame, with a Content-Security-Policy", () => {
    for (const path of ["/admin", "/admin/incidents/1", "/sign-in", "/setup", "/invite/abc"]) {
      const headers = securityHeaders(path, { ...HTTP, frameAncestors: ["https://intranet.example.com"] });
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
      expect(headers["Content-Security-Policy"]).toContain("object-src 'none'");
      expect(headers["Content-Security-Policy"]).not.toContain("unsafe-eval");
    }
  });

  it("sends the referrer policy and nosniff everywhere, HSTS only when the public URL is https", () => {
    const plain = securityHeaders("/", HTTP);
    expect(plain).toMatchObject({ "Referrer-Policy": "strict-origin-when-cross-origin", "X-Content-Type-Options": "nosniff" });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("/api/banner", { ...HTTP, publicUrl: "https://status.example.com" })["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("lets public pages be framed only by the origins the operator named", () => {
    expect(securityHeaders("/", HTTP)).toMatchObject({ "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'" });
    const allowed = securityHeaders("/history", { ...HTTP, frameAncestors: ["https://intranet.example.com"] });
    expect(allowed["Content-Security-Policy"]).toBe("frame-ancestors 'self' https://intranet.example.com");
    expect(allowed["X-Frame-Options"]).toBeUndefined();
  });
});
