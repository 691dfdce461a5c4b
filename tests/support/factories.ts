import { createFirstAdmin } from "../../lib/auth/create-first-admin";
import { acceptInvitation } from "../../lib/auth/accept-invitation";
import { inviteOperator } from "../../lib/auth/invite-operator";
import type { OperatorRole } from "../../lib/auth/roles";
import { saveCampaignDraft } from "../../lib/campaigns/save-draft";
import { campaignDraftSchema } from "../../lib/campaigns/schemas";
import { sendCampaign } from "../../lib/campaigns/send-campaign";
import { prisma } from "../../lib/db";

export const PASSWORD = "correct horse battery";

export async function createAdmin(email = "ada@example.com") {
  return createFirstAdmin({ name: "Ada", email, password: PASSWORD, confirmPassword: PASSWORD });
}

/** Invites and accepts in one go; returns the new operator's row. */
export async function addOperator(inviter: { id: string; email: string }, email: string, role: OperatorRole) {
  const { url } = await inviteOperator(inviter, { email, role });
  const token = url.split("/invite/")[1]!;
  await acceptInvitation({ token, name: email.split("@")[0]!, password: PASSWORD, confirmPassword: PASSWORD });
  return prisma.user.findUniqueOrThrow({ where: { email } });
}

/** Queues an incident notice campaign to `count` new customers on their own plan; returns the campaign's id. */
export async function queueCampaignTo(admin: { id: string; email: string }, plan: string, count: number): Promise<string> {
  await prisma.customer.createMany({
    data: Array.from({ length: count }, (_, index) => ({ email: `${plan}${index}@example.com`, firstName: `R${index}`, plan })),
  });
  const { id } = await saveCampaignDraft(
    admin,
    campaignDraftSchema.parse({
      kind: "incident_notice",
      subject: "Hello {{first_name}}",
      body: "Dear {{first_name}}, it is fixed.",
      audience: { plans: [plan] },
    }),
  );
  await sendCampaign(admin, { campaignId: id });
  return id;
}
