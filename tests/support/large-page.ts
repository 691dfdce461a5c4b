// A status page that has run for years, written with set-based SQL (a few
// statements, whatever the size): the bench's "large page" (bench/large-page.ts)
// and the integration tests that check cost grows with components, not with
// history. Every row is marked is_demo = false, like an imported page.
import pg from "pg";

export interface LargePageSize {
  components: number;
  groups: number;
  years: number;
  incidents: number;
  /** Public updates per incident (the last one resolves it). */
  updatesPerIncident: number;
  maintenance: number;
  postmortems: number;
}

export interface LargePageOptions {
  /** Prefix of the incident, maintenance and postmortem ids ("lp"), so a second batch can be added. */
  prefix?: string;
  /** How long before `now` the newest incident starts (in days, besides one step). */
  newestAgeDays?: number;
  /** False to add incidents to the components an earlier call wrote (with `size.components` of them). */
  withComponents?: boolean;
  now?: Date;
}

/** The large page: 200 components in 20 groups, 10 years, 5,000 incidents with 25,000 updates, 500 maintenance windows, 1,000 postmortems. */
export const LARGE_PAGE: LargePageSize = {
  components: 200,
  groups: 20,
  years: 10,
  incidents: 5_000,
  updatesPerIncident: 5,
  maintenance: 500,
  postmortems: 1_000,
};

/** Ids are predictable, so a test or the bench can ask for "the oldest incident". */
export const largePageIncidentId = (n: number, prefix = "lp") => `${prefix}-incident-${n}`;

/**
 * Writes the page into the database at `databaseUrl`, closed history ending a
 * day before `now`: incident n (1 = newest) started n × (years / incidents) ago,
 * each touching two components, with its intervals (degraded, then operational
 * until the component's next incident). Nothing is open, so the front page is
 * all green. Runs in one transaction (the public snapshot version moves once).
 */
export async function writeLargePage(databaseUrl: string, size: LargePageSize = LARGE_PAGE, options: LargePageOptions = {}): Promise<void> {
  const { prefix = "lp", newestAgeDays = 0, withComponents = true } = options;
  const now = new Date((options.now ?? new Date()).getTime() - newestAgeDays * 86_400_000);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const spanMs = size.years * 365 * 86_400_000;
  const params = {
    now: now.toISOString(),
    step: `${Math.floor(spanMs / Math.max(1, size.incidents))} milliseconds`,
    maintenanceStep: `${Math.floor(spanMs / Math.max(1, size.maintenance))} milliseconds`,
    // Components exist a year before their first incident: the uptime bars have data on every day.
    origin: new Date(now.getTime() - spanMs - 365 * 86_400_000).toISOString(),
  };
  const componentStatements: [string, unknown[]][] = [
    [
      `INSERT INTO component_groups (id, name, position, updated_at)
       SELECT 'lp-group-' || g, 'Region ' || g, g, $1::timestamptz FROM generate_series(1, $2::int) g`,
      [params.origin, size.groups],
    ],
    [
      `INSERT INTO components (id, name, description, position, group_id, created_at, updated_at)
       SELECT 'lp-component-' || c, 'Service ' || c, 'Component ' || c || ' of the large page', c,
              'lp-group-' || (1 + (c - 1) % $2::int), $1::timestamptz, $1::timestamptz
       FROM generate_series(1, $3::int) c`,
      [params.origin, size.groups, size.components],
    ],
  ];
  const statements: [string, unknown[]][] = [
    [
      `INSERT INTO incidents (id, kind, title, impact, status, started_at, resolved_at, created_at, updated_at)
       SELECT $5 || '-incident-' || n, 'incident'::"IncidentKind", 'Elevated errors on service ' || (1 + n % $4::int) || ' (#' || n || ')',
              (ARRAY['minor','major','critical','none'])[1 + n % 4]::"IncidentImpact", 'resolved'::"IncidentStatus",
              $1::timestamptz - n * $2::interval, $1::timestamptz - n * $2::interval + interval '2 hours',
              $1::timestamptz - n * $2::interval, $1::timestamptz - n * $2::interval + interval '2 hours'
       FROM generate_series(1, $3::int) n`,
      [params.now, params.step, size.incidents, size.components, prefix],
    ],
    [
      `INSERT INTO incident_components (incident_id, component_id, status)
       SELECT $3 || '-incident-' || n, 'lp-component-' || (1 + (n + k * 7) % $2::int),
              (ARRAY['degraded_performance','partial_outage','major_outage'])[1 + n % 3]::"ComponentStatus"
       FROM generate_series(1, $1::int) n, generate_series(0, 1) k`,
      [size.incidents, size.components, prefix],
    ],
    [
      `INSERT INTO incident_updates (id, incident_id, status, message, is_internal, published_at, component_changes, created_at, updated_at)
       SELECT $3 || '-update-' || n || '-' || u, $3 || '-incident-' || n,
              (CASE WHEN u = $2::int THEN 'resolved' ELSE (ARRAY['investigating','identified','monitoring'])[1 + (u - 1) % 3] END)::"IncidentStatus",
              'Update ' || u || ' on incident ' || n || ': we are looking into elevated error rates and will post again within the hour. '
                || repeat('More detail on what we found. ', 3),
              false, i.started_at + (u - 1) * interval '25 minutes', NULL,
              i.started_at + (u - 1) * interval '25 minutes', i.started_at + (u - 1) * interval '25 minutes'
       FROM generate_series(1, $1::int) n
       JOIN incidents i ON i.id = $3 || '-incident-' || n
       CROSS JOIN generate_series(1, $2::int) u`,
      [size.incidents, size.updatesPerIncident, prefix],
    ],
    [
      `INSERT INTO incidents (id, kind, title, impact, status, started_at, resolved_at, scheduled_start, scheduled_end, created_at, updated_at)
       SELECT $4 || '-maintenance-' || m, 'maintenance'::"IncidentKind", 'Database upgrade window ' || m, 'none'::"IncidentImpact", 'completed'::"IncidentStatus",
              $1::timestamptz - m * $2::interval - interval '5 hours', $1::timestamptz - m * $2::interval - interval '3 hours',
              $1::timestamptz - m * $2::interval - interval '5 hours', $1::timestamptz - m * $2::interval - interval '3 hours',
              $1::timestamptz - m * $2::interval - interval '10 days', $1::timestamptz - m * $2::interval - interval '3 hours'
       FROM generate_series(1, $3::int) m`,
      [params.now, params.maintenanceStep, size.maintenance, prefix],
    ],
    [
      `INSERT INTO incident_updates (id, incident_id, status, message, is_internal, published_at, created_at, updated_at)
       SELECT $2 || '-maintenance-update-' || m || '-' || u, $2 || '-maintenance-' || m,
              (ARRAY['scheduled','completed'])[u]::"IncidentStatus", 'Maintenance window ' || m || ', step ' || u || '.', false,
              i.scheduled_start - (2 - u) * interval '9 days', i.scheduled_start - (2 - u) * interval '9 days',
              i.scheduled_start - (2 - u) * interval '9 days'
       FROM generate_series(1, $1::int) m
       JOIN incidents i ON i.id = $2 || '-maintenance-' || m
       CROSS JOIN generate_series(1, 2) u`,
      [size.maintenance, prefix],
    ],
    [`DELETE FROM component_status_intervals WHERE id LIKE 'lp-interval-%'`, []],
    // Per component: operational from the origin, then for each of its incidents degraded, then operational again.
    [
      `INSERT INTO component_status_intervals (id, component_id, status, cause, incident_id, started_at, ended_at, updated_at)
       WITH touched AS (
         SELECT ic.component_id, ic.incident_id, ic.status, i.started_at, i.resolved_at,
                lead(i.started_at) OVER (PARTITION BY ic.component_id ORDER BY i.started_at) AS next_start
         FROM incident_components ic JOIN incidents i ON i.id = ic.incident_id
         WHERE ic.component_id LIKE 'lp-component-%' AND i.kind = 'incident'
       )
       SELECT 'lp-interval-down-' || incident_id || '-' || component_id, component_id, status, 'incident'::"StatusCause", incident_id,
              started_at, resolved_at, resolved_at FROM touched
       UNION ALL
       SELECT 'lp-interval-up-' || incident_id || '-' || component_id, component_id, 'operational'::"ComponentStatus", 'incident'::"StatusCause", incident_id,
              resolved_at, next_start, resolved_at FROM touched
       UNION ALL
       SELECT 'lp-interval-first-' || c.id, c.id, 'operational'::"ComponentStatus", 'manual'::"StatusCause", NULL,
              LEAST(c.created_at, (SELECT min(started_at) - interval '1 day' FROM touched t WHERE t.component_id = c.id)),
              (SELECT min(started_at) FROM touched t WHERE t.component_id = c.id), c.created_at
       FROM components c WHERE c.id LIKE 'lp-component-%'`,
      [],
    ],
    [
      `INSERT INTO postmortems (id, incident_id, state, current_revision, published_revision, published_at, first_published_at, updated_at)
       SELECT $3 || '-postmortem-' || p, $3 || '-incident-' || (p * GREATEST(1, $1::int / GREATEST(1, $2::int))), 'published'::"PostmortemState", 1, 1,
              i.resolved_at + interval '3 days', i.resolved_at + interval '3 days', i.resolved_at + interval '3 days'
       FROM generate_series(1, LEAST($2::int, $1::int)) p
       JOIN incidents i ON i.id = $3 || '-incident-' || (p * GREATEST(1, $1::int / GREATEST(1, $2::int)))`,
      [size.incidents, size.postmortems, prefix],
    ],
    [
      `INSERT INTO postmortem_revisions (id, postmortem_id, number, title, sections, action_items)
       SELECT 'revision-' || p.id, p.id, 1, 'What happened on ' || to_char(i.started_at, 'YYYY-MM-DD'),
              jsonb_build_array(
                jsonb_build_object('key', 'summary', 'body', 'A configuration change sent traffic to the wrong pool. ' || repeat('Detail. ', 40), 'hidden', false),
                jsonb_build_object('key', 'impact', 'body', 'About a third of requests failed for two hours.', 'hidden', false),
                jsonb_build_object('key', 'root_cause', 'body', 'A missing check in the deploy pipeline. ' || repeat('Why. ', 40), 'hidden', false),
                jsonb_build_object('key', 'prevention', 'body', 'The pipeline now refuses such a change.', 'hidden', false)),
              jsonb_build_array(jsonb_build_object('id', '1', 'description', 'Add the check', 'owner', 'Sam', 'state', 'done'))
       FROM postmortems p JOIN incidents i ON i.id = p.incident_id
       WHERE p.id LIKE $1 || '-postmortem-%'`,
      [prefix],
    ],
  ];
  try {
    await client.query("BEGIN");
    for (const [sql, values] of [...(withComponents ? componentStatements : []), ...statements])
      await client.query(sql, values.length ? values : undefined);
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
