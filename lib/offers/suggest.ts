import { findIncidentForOperators } from "../incidents/queries";
import { findPostmortemState } from "../postmortems/queries";
import { getPageSettings } from "../settings/queries";

const TWO_WEEKS_MS = 14 * 86_400_000;

/** The offer form's starting point: the incident's affected components as the audience, and a message linking the postmortem once published. Null for an unknown incident. */
export async function suggestedOffer(incidentId: string, now = new Date()) {
  const incident = incidentId.length <= 64 ? await findIncidentForOperators(incidentId) : null;
  if (!incident) return null;
  const [postmortem, settings] = await Promise.all([findPostmortemState(incident.id), getPageSettings()]);
  const postmortemUrl = postmortem?.published ? `${settings.effectivePublicUrl}/incidents/${incident.id}/postmortem` : null;
  const body = [
    "Hi {{first_name}},",
    `We let you down: ${incident.title.replace(/\.$/, "")}. We're sorry.`,
    "We'd like to make it right. Choose a credit below, or tell us you don't need one.",
    postmortemUrl ? `[Read what happened and what we changed](${postmortemUrl})` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    incident: { id: incident.id, title: incident.title },
    subject: `A credit for ${incident.title}`.slice(0, 200),
    body,
    componentIds: incident.components.map((component) => component.id),
    deadline: new Date(now.getTime() + TWO_WEEKS_MS).toISOString().slice(0, 16),
    hasPublishedPostmortem: Boolean(postmortemUrl),
  };
}
