// Which rule an alert falls under, and the draft it suggests. Pure.
import type { ComponentStatus, IncidentImpact } from "../components/constants";
import type { NormalizedAlert } from "./payloads";

export interface AlertRuleView {
  id: string;
  name: string;
  matchLabels: Record<string, string>;
  componentIds: string[];
  componentStatus: ComponentStatus;
  severityImpacts: Record<string, IncidentImpact>;
  defaultImpact: IncidentImpact;
  isAutoPublish: boolean;
}

export interface SuggestedDraft {
  title: string;
  impact: IncidentImpact;
  message: string;
  components: { componentId: string; status: ComponentStatus }[];
  isAutoPublish: boolean;
}

/** The first rule (in order) whose labels all match; a rule without labels matches every alert. */
export function matchRule(rules: readonly AlertRuleView[], labels: Record<string, string>): AlertRuleView | null {
  return rules.find((rule) => Object.entries(rule.matchLabels).every(([name, value]) => labels[name] === value)) ?? null;
}

const DEFAULT_IMPACTS: Record<string, IncidentImpact> = {
  critical: "major",
  page: "major",
  error: "minor",
  warning: "minor",
  info: "none",
};

/** Title, impact, components and first message for a firing alert. */
export function suggestDraft(alert: NormalizedAlert, rule: AlertRuleView | null, componentNames: Map<string, string>): SuggestedDraft {
  const severity = (alert.labels.severity ?? "").toLowerCase();
  const impact = rule ? (rule.severityImpacts[severity] ?? rule.defaultImpact) : (DEFAULT_IMPACTS[severity] ?? "minor");
  const componentIds = (rule?.componentIds ?? []).filter((id) => componentNames.has(id));
  const names = componentIds.map((id) => componentNames.get(id)!);
  const affected = names.length ? names.join(", ") : "some of our services";
  const title = names.length ? `Problems with ${names.join(", ")}` : (alert.summary ?? alert.labels.alertname ?? "Service problems");
  return {
    title: title.slice(0, 200),
    impact,
    message: `We are investigating problems affecting ${affected}. We will post an update as soon as we know more.`,
    components: componentIds.map((componentId) => ({ componentId, status: rule!.componentStatus })),
    isAutoPublish: rule?.isAutoPublish ?? false,
  };
}

export const RESOLVED_MESSAGE = "This incident has been resolved. Thank you for your patience.";
