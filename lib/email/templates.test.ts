import { describe, expect, it } from "vitest";
import { recipientValues } from "./personalise";
import { compileMessage, MESSAGE_KINDS, personaliseMessage } from "./templates";

const branding = {
  pageName: "LeaveWizard status",
  brandColor: "#aa3300",
  publicUrl: "https://status.leavewizard.test",
  supportEmail: "help@leavewizard.test",
};

describe("email templates", () => {
  it("compiles every kind with the page's branding, the Markdown body and a plain-text part", async () => {
    for (const kind of MESSAGE_KINDS) {
      const message = await compileMessage(kind, {
        subject: "A day to forget",
        body: "Dear {{first_name}},\n\nWe **lost** data.",
        linkUrl: "https://status.leavewizard.test/incidents/1",
        branding,
      });
      expect(message.html).toContain("<strong>lost</strong>");
      expect(message.html).toContain("LeaveWizard status");
      expect(message.html).toContain("#aa3300");
      expect(message.html).not.toContain("[[");
      expect(message.text).toContain("Dear {{first_name}},\n\nWe lost data.");
    }
  });

  it("shows the uploaded logo in the header, linked to the page, with the page name as its alt text", async () => {
    for (const kind of MESSAGE_KINDS) {
      const message = await compileMessage(kind, {
        subject: "Hello",
        body: "Body",
        branding: { ...branding, logoUrl: "https://status.leavewizard.test/logo/light?v=0123456789abcdef" },
      });
      expect(message.html).toMatch(
        /<a href="https:\/\/status\.leavewizard\.test"[^>]*><img src="https:\/\/status\.leavewizard\.test\/logo\/light\?v=0123456789abcdef" alt="LeaveWizard status"/,
      );
    }
  });

  it("personalises each copy, escaping values in the HTML", async () => {
    const message = await compileMessage("incident_notice", { subject: "For {{company}}", body: "Dear {{first_name}},", branding });
    const copy = personaliseMessage(
      message,
      recipientValues({ email: "x@y.z", firstName: "<script>alert(1)</script>", company: "A&B" }),
      "https://status.leavewizard.test/unsubscribe?t=1&e=2",
    );
    expect(copy.subject).toBe("For A&B");
    expect(copy.html).toContain("Dear &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(copy.html).not.toContain("<script>alert");
    expect(copy.html).toContain('href="https://status.leavewizard.test/unsubscribe?t=1&amp;e=2"');
    expect(copy.text).toContain("Dear <script>alert(1)</script>,");
    expect(copy.text).toContain("Unsubscribe: https://status.leavewizard.test/unsubscribe?t=1&e=2");
  });
});
