// What a new Candor shows before the operator adds their own: a small,
// believable status page. Pure data; times are relative to `now`.

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
    { at: 18, status: "IDENTIFIED", message: "A configuration change to the load balancer is sending some requests to the wrong pool. We are rolling it back." },
    { at: 31, status: "MONITORING", message: "The rollback is complete and error rates are back to normal. We are monitoring." },
    { at: 52, status: "RESOLVED", message: "This incident is resolved. No data was lost. A postmortem will follow." },
  ],
} as const;

export const DEMO_INCIDENT_DAYS_AGO = 3;
export const DEMO_HISTORY_DAYS = 90;
