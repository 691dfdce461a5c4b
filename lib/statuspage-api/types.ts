// Atlassian Statuspage's public API (v2) response shapes, field for field, so
// existing clients, widgets and monitors read Candor unchanged.
import type { ComponentStatus } from "../components/constants";
import type { Indicator } from "../components/rollup";

export interface V2Page {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface V2Status {
  indicator: Indicator;
  description: string;
}

export interface V2Component {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Groups only: the ids of their components. */
  components?: string[];
}

export interface V2AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface V2IncidentUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: V2AffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: string | null;
  tweet_id: string | null;
}

export interface V2Incident {
  id: string;
  name: string;
  status: "investigating" | "identified" | "monitoring" | "resolved" | "postmortem";
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: "none" | "minor" | "major" | "critical";
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: V2IncidentUpdate[];
  components: V2Component[];
}

export interface V2ScheduledMaintenance extends Omit<V2Incident, "status" | "impact"> {
  status: "scheduled" | "in_progress" | "verifying" | "completed";
  impact: "maintenance";
  scheduled_for: string;
  scheduled_until: string;
}
