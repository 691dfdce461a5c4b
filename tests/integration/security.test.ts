// Findings of the outside audit (issue 15) that live in the domain: stale
// invitations, and signed unsubscribe links in copies operators read.
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { GET as unsubscribeGet } from "@/app/api/unsubscribe/route";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { inviteOperator } from "@/lib/auth/invite-operator";
import { removeOperator } from "@/lib/auth/remove-operator";
import { previewCampaign, testSendCampaign } from "@/lib/campaigns/preview";
import { saveCampaignDraft } from "@/lib/campaigns/save-draft";
import { campaignDraftSchema } from "@/lib/campaigns/schemas";
import { prisma } from "@/lib/db";
import { verifyUnsubscribe } from "@/lib/email/unsubscribe";
import { getEnv } from "@/lib/env";
import { createAdmin, PASSWORD } from "../support/factories";

let admin: { id: string; email: string };

beforeAll(async () => {
  admin = await createAdmin();
});

const tokenOf = (url: string) => url.split("/invite/")[1]!;
const accept = (url: string, name: string) =>
  acceptInvitation({ token: tokenOf(url), name, password: PASSWORD, confirmPassword: PASSWORD });

describe("invitations", () => {
  it("an older admin link dies when the address is invited again, accepts, and is removed", async () => {
    const asAdmin = await inviteOperator(admin, { email: "xavier@example.com", role: "admin" });
    const asViewer = await inviteOperator(admin, { email: "xavier@example.com", role: "viewer" });
    await accept(asViewer.url, "Xavier");
    const xavier = await prisma.user.findUniqueOrThrow({ where: { email: "xavier@example.com" } });
    expect(xavier.role).toBe("VIEWER");
    await removeOperator(admin, xavier.id);
    await expect(accept(asAdmin.url, "Xavier, admin now")).rejects.toThrow(/no longer valid/);
    expect(await prisma.user.findUnique({ where: { email: "xavier@example.com" } })).toBeNull();
  });

  it("accepting one link revokes the other open ones, and removing revokes any still open", async () => {
    const first = await inviteOperator(admin, { email: "yara@example.com", role: "viewer" });
    // Written directly: two links open at once, as before invitations replaced each other.
    const second = await inviteOperator(admin, { email: "yara@example.com", role: "viewer" });
    await prisma.invitation.updateMany({ where: { email: "yara@example.com" }, data: { revokedAt: null } });
    await accept(second.url, "Yara");
    await expect(accept(first.url, "Yara twice")).rejects.toThrow(/no longer valid/);

    const yara = await prisma.user.findUniqueOrThrow({ where: { email: "yara@example.com" } });
    await prisma.invitation.create({
      data: {
        email: "yara@example.com",
        role: "ADMIN",
        tokenHash: "stale-hash",
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await removeOperator(admin, yara.id);
    expect(await prisma.invitation.count({ where: { email: "yara@example.com", acceptedAt: null, revokedAt: null } })).toBe(0);
  });
});

describe("previews and test sends", () => {
  it("carry an unsubscribe link that unsubscribes no one", async () => {
    await prisma.customer.create({ data: { email: "carol@example.com", name: "Carol", plan: "pro" } });
    const customer = await prisma.customer.findUniqueOrThrow({ where: { email: "carol@example.com" } });
    const { id } = await saveCampaignDraft(
      admin,
      campaignDraftSchema.parse({ kind: "incident_notice", subject: "Hello", body: "Dear {{name}}", audience: {} }),
    );
    const preview = await previewCampaign(id, customer.id);
    const test = await testSendCampaign(admin, id);
    expect(test.delivered).toBe(false);
    const sent = await prisma.mailboxMessage.findFirstOrThrow({ where: { to: admin.email }, orderBy: { createdAt: "desc" } });
    for (const body of [preview.html, preview.text, sent.html, sent.text]) {
      const links = [...body.matchAll(/\/unsubscribe\?([^"\s<]*)/g)].map(
        (match) => new URLSearchParams(match[1]!.replaceAll("&amp;", "&")),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const query of links) {
        expect(query.get("t")).toBeNull();
        expect(verifyUnsubscribe(query.get("a") ?? "", query.get("t") ?? "")).toBeNull();
      }
    }
  });
});

describe("better-auth over HTTP", () => {
  async function signedInCookie(): Promise<string> {
    const response = await POST(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ email: admin.email, password: PASSWORD }),
      }),
    );
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
  }

  it("serves sign-in, the session and sign-out, and nothing that would bypass Candor's rules (update-user)", async () => {
    const cookie = await signedInCookie();
    const session = await GET(new Request("http://localhost:3000/api/auth/get-session", { headers: { cookie } }));
    expect((await session.json())?.user?.email).toBe(admin.email);
    for (const [path, body] of [
      ["update-user", { name: "" }],
      ["update-user", { name: "n".repeat(121) }],
      ["change-email", { newEmail: "evil@example.com" }],
      ["list-sessions", {}],
    ] as const) {
      const response = await POST(
        new Request(`http://localhost:3000/api/auth/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", cookie },
          body: JSON.stringify(body),
        }),
      );
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Ada");
  });
});

describe("the one-click unsubscribe address opened in a browser", () => {
  it("redirects to the page at the public URL, not the address Candor listens on", async () => {
    const response = unsubscribeGet(new Request("http://0.0.0.0:3000/api/unsubscribe?a=YQ&t=x"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${getEnv().PUBLIC_URL}/unsubscribe?a=YQ&t=x`);
  });
});
