import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { findShowingBanner } from "@/lib/banner/incident-banner";
import { listComponentTree } from "@/lib/components/queries";
import { listIncidentTemplates } from "@/lib/incidents/templates";
import { toComponentChoices } from "../component-choices";
import { DeclareIncidentForm } from "../declare-form";

export const metadata: Metadata = { title: "Declare incident" };

export default async function DeclareIncidentPage() {
  await requirePageAccess("incidents:write");
  const [tree, templates, showingBanner] = await Promise.all([listComponentTree(), listIncidentTemplates(), findShowingBanner()]);
  return (
    <>
      <PageHeader title="Declare incident" description="One form: it goes on the status page the moment you submit." />
      <Panel>
        <DeclareIncidentForm components={toComponentChoices(tree)} templates={templates} showingBanner={showingBanner} />
      </Panel>
    </>
  );
}
