"use server";

import { z } from "zod";
import { formDataOf, type ActionResult } from "@/lib/action-result";
import { getCurrentOperator } from "@/lib/auth/session";
import { parseAccountList } from "@/lib/campaigns/account-list";
import { audienceSchema, countAudience, listAudience, type AudienceMember } from "@/lib/campaigns/audience";
import { CAMPAIGN_CONTROLS, controlCampaign } from "@/lib/campaigns/control";
import { previewCampaign, testSendCampaign } from "@/lib/campaigns/preview";
import { campaignProgress, type CampaignProgress } from "@/lib/campaigns/progress";
import { saveCampaignDraft } from "@/lib/campaigns/save-draft";
import { campaignDraftSchema, campaignIdSchema } from "@/lib/campaigns/schemas";
import { sendCampaign } from "@/lib/campaigns/send-campaign";
import type { CompiledMessage } from "@/lib/email/templates";
import { pokeOutboxWorker } from "@/lib/outbox/run-worker";
import { runAction } from "../run-action";

function draftInput(formData: FormData) {
  const all = (name: string) => formData.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");
  return {
    kind: formData.get("kind"),
    subject: formData.get("subject"),
    body: formData.get("body"),
    incidentId: formData.get("incidentId") ?? undefined,
    audience: {
      componentIds: all("componentIds"),
      plans: all("plans"),
      tags: all("tags"),
      accounts: parseAccountList(String(formData.get("accounts") ?? "")),
    },
  };
}

const draftWithIdSchema = campaignDraftSchema.and(z.object({ campaignId: z.string().max(64).optional() }));

export async function saveDraftAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: draftWithIdSchema,
    formData,
    input: { ...draftInput(formData), campaignId: formData.get("campaignId") || undefined },
    permission: "campaigns:send",
    work: saveCampaignDraft,
    message: "Saved.",
    revalidate: ["/admin/campaigns"],
    redirectTo: ({ id }) => `/admin/campaigns/${id}`,
  });
}

/** The live count and a page of recipients (from `$offset`) while the filters change. */
export async function audienceAction(sentFormData: unknown): Promise<ActionResult<{ count: number; first: AudienceMember[] }>> {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: audienceSchema,
    formData,
    input: draftInput(formData).audience,
    permission: "admin:read",
    work: async (_operator, audience) => {
      const offset = Math.min(Math.max(0, Number(formData.get("$offset") ?? 0) || 0), 10_000_000);
      return { count: await countAudience(audience), first: await listAudience(audience, { offset, limit: 50 }) };
    },
    message: "Counted.",
    revalidate: [],
    respond: (result) => result,
  });
}

export async function previewAction(sentFormData: unknown): Promise<ActionResult<CompiledMessage & { to: string }>> {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: campaignIdSchema.extend({ customerId: z.string().max(64).optional() }),
    formData,
    input: { campaignId: formData.get("campaignId"), customerId: formData.get("customerId") || undefined },
    permission: "admin:read",
    work: (_operator, input) => previewCampaign(input.campaignId, input.customerId ?? null),
    message: "Preview ready.",
    revalidate: [],
    respond: (preview) => preview,
  });
}

export async function testSendAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  let sentTo = "";
  const result = await runAction({
    schema: campaignIdSchema,
    formData,
    permission: "campaigns:send",
    work: async (operator, input) => {
      const sent = await testSendCampaign(operator, input.campaignId);
      sentTo = sent.delivered ? `Test sent to ${sent.to}.` : `Test put in the dev mailbox for ${sent.to} (no SMTP_URL).`;
      return sent;
    },
    message: "Test sent.",
    revalidate: [],
  });
  return result.ok ? { ...result, message: sentTo } : result;
}

export async function sendAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: campaignIdSchema,
    formData,
    permission: "campaigns:send",
    work: async (operator, input) => {
      const queued = await sendCampaign(operator, input);
      pokeOutboxWorker();
      return queued;
    },
    message: "Sending.",
    revalidate: ["/admin/campaigns"],
    redirectTo: () => `/admin/campaigns/${formData.get("campaignId")}`,
  });
}

export async function controlAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  const result = await runAction({
    schema: campaignIdSchema.extend({ control: z.enum(CAMPAIGN_CONTROLS, { error: "Unknown action." }) }),
    formData,
    permission: "campaigns:send",
    work: controlCampaign,
    message: "Done.",
    revalidate: ["/admin/campaigns"],
  });
  if (result.ok) pokeOutboxWorker();
  return result;
}

export async function progressAction(campaignId: string): Promise<CampaignProgress | null> {
  const parsed = campaignIdSchema.safeParse({ campaignId });
  // Signed out (an old tab polling): no progress, not a 500.
  if (!parsed.success || !(await getCurrentOperator())) return null;
  return campaignProgress(parsed.data.campaignId);
}
