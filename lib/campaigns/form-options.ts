// What the campaign form offers, and a first draft from an incident or its postmortem.
import { prisma } from "../db";
import { listComponentTree } from "../components/queries";
import { listPlansAndTags } from "../customers/queries";
import { findPostmortem, findRevision } from "../postmortems/queries";
import { sectionBody } from "../postmortems/sections";

export async function loadCampaignFormOptions() {
  const [tree, { plans, tags }, incidents] = await Promise.all([
    listComponentTree(),
    listPlansAndTags(),
    prisma.incident.findMany({ where: { kind: "INCIDENT" }, orderBy: { startedAt: "desc" }, take: 50, select: { id: true, title: true } }),
  ]);
  return {
    incidents,
    plans,
    tags,
    components: tree.flatMap((group) => group.components.map((component) => ({ id: component.id, name: component.name }))),
  };
}

export async function suggestedDraft(incidentId: string | null, kind: "incident_notice" | "postmortem") {
  const empty = {
    kind,
    subject: "",
    body: "Dear {{first_name}},\n\n",
    incidentId: null as string | null,
    audience: { componentIds: [] as string[], plans: [] as string[], tags: [] as string[], accounts: [] as string[] },
  };
  if (!incidentId) return empty;
  const incident = await prisma.incident.findUnique({
    where: { id: incidentId },
    include: { components: { select: { componentId: true } } },
  });
  if (!incident) return empty;
  const audience = { ...empty.audience, componentIds: incident.components.map((link) => link.componentId) };
  const postmortem = kind === "postmortem" ? await findPostmortem(incident.id) : null;
  // What customers can read on the page: the published revision.
  const revision = postmortem ? await findRevision(incident.id, postmortem.publishedRevision ?? postmortem.currentRevision) : null;
  if (!revision) return { ...empty, subject: incident.title, body: await latestNewsBody(incident.id), incidentId: incident.id, audience };
  const { content } = revision;
  const parts = [
    "Dear {{first_name}},",
    sectionBody(content, "summary"),
    sectionBody(content, "customer_actions") && `**What we ask you to do**\n\n${sectionBody(content, "customer_actions")}`,
    sectionBody(content, "closing"),
  ];
  return { kind, subject: content.title, body: parts.filter(Boolean).join("\n\n"), incidentId: incident.id, audience };
}

/** The incident's latest public update (by the time it describes) under the greeting: what customers should hear. */
async function latestNewsBody(incidentId: string): Promise<string> {
  const latest = await prisma.incidentUpdate.findFirst({
    where: { incidentId, isInternal: false },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    select: { message: true },
  });
  return `Dear {{first_name}},\n\n${latest?.message ?? ""}`;
}
