// What the public sees, computed once per change (build-snapshot.ts) and
// shared by every public page, the Statuspage-compatible API, the feeds and
// the sign-in banner.
import type { PublicBanner } from "../banner/public-banner";
import type { PublicComponent } from "../components/queries";
import type { Indicator } from "../components/rollup";
import type { IncidentView } from "../incidents/queries";
import type { PublicPostmortem } from "../postmortems/queries";
import type { PageSettings } from "../settings/queries";
import type { CompactUptime } from "../uptime/compact";
import type { SnapshotDigest } from "./digest";

export const UPTIME_DAYS = 90;
export const RECENT_DAYS = 14;
/** At most this many recent closed incidents in a snapshot (the front page's "recent" list). */
export const SNAPSHOT_RECENT_LIMIT = 50;
/** The feeds and the v2 lists show the 50 newest, like Statuspage's. */
export const LATEST_LIMIT = 50;

export interface ComponentWithUptime extends PublicComponent {
  /** The last UPTIME_DAYS days, compactly: 200 components make 18,000 days. */
  uptime: CompactUptime;
}

export interface ComponentGroupView {
  id: string | null;
  name: string | null;
  position: number;
  createdAt: Date | null;
  updatedAt: Date | null;
  components: ComponentWithUptime[];
}

export interface PublicSnapshot {
  /** The database's public_snapshot_version when this was built. */
  version: string;
  /** False until the first admin exists: the public page then says it is not set up yet. */
  isSetUp: boolean;
  /** When the public last changed (the version row's time). */
  changedAt: Date;
  builtAt: Date;
  /** The clock changes what is shown at this moment (banner schedule, a new day, recent incidents). */
  validUntil: Date;
  settings: PageSettings;
  indicator: Indicator;
  /** Visible components by group, in page order, ungrouped first. */
  groups: ComponentGroupView[];
  /**
   * Every open incident and maintenance and those closed within RECENT_DAYS
   * (at most SNAPSHOT_RECENT_LIMIT), public updates only, newest first. The
   * rest are read per page (pages.ts).
   */
  incidents: IncidentView[];
  /** How many closed incidents and completed maintenance there are: /history's page count (absent from snapshots saved before it). */
  historyCount?: number;
  /** Closed incidents started within RECENT_DAYS of `builtAt`, newest first. */
  recentIncidentIds: string[];
  /** The sign-in banner showing at `builtAt`, or null. */
  banner: PublicBanner | null;
  /** What it shows, digested once when built (absent from snapshots saved before digests). */
  digest?: SnapshotDigest;
  /** Published postmortems of `incidents` (absent from snapshots saved before postmortems existed). */
  postmortems?: PublicPostmortem[];
}

/** The snapshot as a page reads it, with how fresh it is. */
export interface PublicRead {
  snapshot: PublicSnapshot;
  /** Set while the database cannot be reached: the snapshot is the last good one. */
  staleSince: Date | null;
  /** When the database last confirmed the snapshot. */
  confirmedAt: Date;
}
