// The alert payloads Candor accepts, and one normalised alert per entry.
// Written from the public documentation: Alertmanager's webhook (version 4)
// and Grafana alerting's webhook contact point. Pure.
import { createHash } from "node:crypto";
import { z } from "zod";

const labels = z.record(z.string(), z.string()).default({});

const alertmanagerAlertSchema = z.looseObject({
  status: z.enum(["firing", "resolved"]),
  labels,
  annotations: labels,
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().max(200).optional(),
});

export const alertmanagerPayloadSchema = z
  .looseObject({
    version: z.literal("4", { error: "Candor reads Alertmanager's webhook payload version 4." }),
    groupKey: z.string().optional(),
    status: z.enum(["firing", "resolved"]),
    receiver: z.string().optional(),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: z.string().optional(),
    alerts: z.array(alertmanagerAlertSchema).min(1).max(1000),
  })
  .meta({ id: "AlertmanagerWebhook", description: "Alertmanager's webhook payload, version 4." });

export const grafanaPayloadSchema = z
  .looseObject({
    receiver: z.string().optional(),
    status: z.enum(["firing", "resolved"]),
    orgId: z.number().optional(),
    alerts: z
      .array(alertmanagerAlertSchema.extend({ valueString: z.string().optional(), dashboardURL: z.string().optional() }))
      .min(1)
      .max(1000),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    title: z.string().optional(),
    state: z.string().optional(),
    message: z.string().optional(),
  })
  .meta({ id: "GrafanaWebhook", description: "Grafana alerting's webhook contact point payload." });

export const genericPayloadSchema = z
  .strictObject({
    status: z.enum(["firing", "resolved"], { error: "Send status firing or resolved." }),
    title: z.string().trim().min(1).max(200),
    /** Repeats with the same fingerprint attach to the same draft; defaults to a hash of the title and labels. */
    fingerprint: z.string().trim().min(1).max(200).optional(),
    severity: z.string().max(40).optional(),
    message: z.string().max(10_000).optional(),
    labels: z.record(z.string().max(100), z.string().max(500)).default({}),
  })
  .meta({ id: "GenericAlert", description: "One alert from any tool." });

export const ALERT_SOURCES = ["alertmanager", "grafana", "generic"] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export interface NormalizedAlert {
  source: AlertSource;
  fingerprint: string;
  isFiring: boolean;
  labels: Record<string, string>;
  summary: string | null;
  description: string | null;
}

/** Parses a payload (throws ZodError naming the field) into its alerts. */
export function normalizeAlerts(source: AlertSource, payload: unknown): NormalizedAlert[] {
  if (source === "generic") {
    const alert = genericPayloadSchema.parse(payload);
    const alertLabels = { ...alert.labels, ...(alert.severity ? { severity: alert.severity } : {}) };
    return [
      {
        source,
        fingerprint: alert.fingerprint ?? hashLabels({ ...alertLabels, title: alert.title }),
        isFiring: alert.status === "firing",
        labels: alertLabels,
        summary: alert.title,
        description: alert.message ?? null,
      },
    ];
  }
  const parsed = (source === "alertmanager" ? alertmanagerPayloadSchema : grafanaPayloadSchema).parse(payload);
  return parsed.alerts.map((alert) => {
    const alertLabels = { ...parsed.commonLabels, ...alert.labels };
    const annotations = { ...parsed.commonAnnotations, ...alert.annotations };
    return {
      source,
      fingerprint: alert.fingerprint || hashLabels(alertLabels),
      isFiring: alert.status === "firing",
      labels: alertLabels,
      summary: annotations.summary ?? annotations.title ?? null,
      description: annotations.description ?? null,
    };
  });
}

/** Alertmanager's own fingerprint is a hash of the sorted label set; ours is too when none is sent. */
function hashLabels(labelSet: Record<string, string>): string {
  const text = Object.keys(labelSet)
    .sort()
    .map((key) => `${key}=${labelSet[key]}`)
    .join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
