import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { loadCampaignFormOptions, suggestedDraft } from "@/lib/campaigns/form-options";
import { CampaignForm } from "../campaign-form";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<{ incident?: string; kind?: string }> }) {
  await requirePageAccess("campaigns:send");
  const { incident, kind } = await searchParams;
  const [options, initial] = await Promise.all([
    loadCampaignFormOptions(),
    suggestedDraft(typeof incident === "string" ? incident.slice(0, 64) : null, kind === "postmortem" ? "postmortem" : "incident_notice"),
  ]);
  return (
    <>
      <PageHeader title="New email campaign" description="Write it, choose who gets it, then review a preview and a test before sending." />
      <CampaignForm initial={initial} {...options} />
    </>
  );
}
