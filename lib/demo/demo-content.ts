// What a new Candor shows before the operator adds their own: a small,
// believable status page. Pure data; times are relative to `now`.
import type { SectionKey } from "../postmortems/sections";

export const DEMO_GROUPS = [
  { name: "Core platform", components: ["Web app", "API", "Dashboard"] },
  { name: "Integrations", components: ["Webhooks", "Email delivery"] },
] as const;

export const DEMO_INCIDENT = {
  title: "Elevated error rates on the API",
  impact: "MINOR",
  component: "API",
  componentStatus: "PARTIAL_OUTAGE",
  /** Offsets in minutes from the incident's start. */
  updates: [
    { at: 0, status: "INVESTIGATING", message: "We are seeing elevated error rates on API requests and are investigating." },
    {
      at: 18,
      status: "IDENTIFIED",
      message: "A configuration change to the load balancer is sending some requests to the wrong pool. We are rolling it back.",
    },
    { at: 31, status: "MONITORING", message: "The rollback is complete and error rates are back to normal. We are monitoring." },
    { at: 52, status: "RESOLVED", message: "This incident is resolved. No data was lost. A postmortem will follow." },
  ],
} as const;

export const DEMO_INCIDENT_DAYS_AGO = 3;
export const DEMO_HISTORY_DAYS = 90;

/** The demo incident's published postmortem; the impact and timeline are drafted from the incident. */
export const DEMO_POSTMORTEM = {
  title: "Postmortem: elevated API error rates",
  sections: {
    summary:
      "For 52 minutes, about 4 % of API requests failed with a 502 error. A load balancer configuration change sent part of the traffic to a pool of servers that was being retired. We rolled the change back; no data was lost.",
    root_cause:
      "The change removed the retiring pool from the configuration file but not from the load balancer's live target list, which a second step updates. That step did not run, so the retiring servers, already shutting down, kept receiving requests.",
    detection: "Our error-rate alert fired 4 minutes after the change, and we posted the first update 14 minutes later.",
    resolution:
      "We rolled the configuration back 18 minutes into the incident; error rates were normal 13 minutes after that. We watched for another 20 minutes before resolving.",
    customer_actions: "Nothing. Requests that failed can be retried safely; every API call that changes data is idempotent.",
    prevention: "Configuration changes to the load balancer now go through the same staged rollout as code.",
    closing: "We are sorry for the failed requests. Questions are welcome at support@acme.example.",
  } as Partial<Record<SectionKey, string>>,
  actionItems: [
    {
      description: "Apply load balancer changes in one step that updates the file and the live targets together",
      owner: "Platform team",
      state: "done",
    },
    { description: "Alert on 502 rates per pool, not only overall", owner: "Observability", state: "in_progress" },
  ],
} as const;
