// What the mirror lists from the database: which incident pages,
// postmortems and component feeds exist, and the public snapshot's version (what a push brings
// the bucket up to). Small reads of their own, so the mirror does not depend
// on how the public snapshot is built.
import "server-only";
import { prisma } from "../db";
import type { MirrorListing } from "./build-mirror";

/**
 * Every incident and maintenance has a public page; published postmortems
 * have one more. Each closed incident's pages get a fingerprint of every row
 * they are rendered from (the incident, its updates and components, its
 * postmortem, and the page's settings and components), so a push renders
 * again only the pages whose rows changed. Open incidents have none: their
 * pages show durations that move with the clock.
 */
export async function listMirrorPages(): Promise<MirrorListing> {
  const [incidents, [site], components] = await Promise.all([
    prisma.$queryRaw<{ id: string; closed: boolean; rows: string; postmortem: string | null }[]>`
      SELECT i.id, i.status IN ('resolved', 'completed') AS closed,
        md5(i::text || coalesce((SELECT string_agg(u::text, ',' ORDER BY u.id) FROM incident_updates u WHERE u.incident_id = i.id), '')
          || coalesce((SELECT string_agg(c::text, ',' ORDER BY c::text) FROM incident_components c WHERE c.incident_id = i.id), '')
          || coalesce(p::text, '')) AS rows,
        CASE WHEN p.published_revision IS NOT NULL THEN p.id END AS postmortem
      FROM incidents i LEFT JOIN postmortems p ON p.incident_id = i.id
      ORDER BY i.started_at DESC`,
    prisma.$queryRaw<{ rows: string }[]>`
      SELECT md5(coalesce((SELECT string_agg(s::text, ',') FROM page_settings s), '')
        || coalesce((SELECT string_agg(c::text, ',' ORDER BY c.id) FROM components c), '')
        || coalesce((SELECT string_agg(g::text, ',' ORDER BY g.id) FROM component_groups g), '')) AS rows`,
    prisma.component.findMany({ where: { isVisible: true }, select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  const fingerprints = new Map<string, string>();
  for (const incident of incidents) {
    if (!incident.closed) continue;
    fingerprints.set(`/incidents/${incident.id}`, `${site!.rows}:${incident.rows}`);
    if (incident.postmortem) fingerprints.set(`/incidents/${incident.id}/postmortem`, `${site!.rows}:${incident.rows}`);
  }
  return {
    incidentIds: incidents.map((row) => row.id),
    postmortemIncidentIds: incidents.filter((row) => row.postmortem).map((row) => row.id),
    componentIds: components.map((component) => component.id),
    fingerprints,
  };
}

/** The public snapshot's version and when it last changed. */
export async function readPublicVersion(): Promise<{ version: bigint; changedAt: Date }> {
  const row = await prisma.publicSnapshotVersion.findUnique({ where: { id: 1 }, select: { version: true, changedAt: true } });
  return row ?? { version: 0n, changedAt: new Date(0) };
}
