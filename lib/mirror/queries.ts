// What the mirror lists from the database: which incident pages and
// postmortems exist, and the public snapshot's version (what a push brings
// the bucket up to). Small reads of their own, so the mirror does not depend
// on how the public snapshot is built.
import "server-only";
import { prisma } from "../db";
import type { MirrorListing } from "./build-mirror";

/** Every incident and maintenance has a public page; published postmortems have one more. */
export async function listMirrorPages(): Promise<MirrorListing> {
  const [incidents, postmortems] = await Promise.all([
    prisma.incident.findMany({ select: { id: true }, orderBy: { startedAt: "desc" } }),
    prisma.postmortem.findMany({ where: { publishedRevision: { not: null } }, select: { incidentId: true } }),
  ]);
  return { incidentIds: incidents.map((row) => row.id), postmortemIncidentIds: postmortems.map((row) => row.incidentId) };
}

/** The public snapshot's version and when it last changed. */
export async function readPublicVersion(): Promise<{ version: bigint; changedAt: Date }> {
  const row = await prisma.publicSnapshotVersion.findUnique({ where: { id: 1 }, select: { version: true, changedAt: true } });
  return row ?? { version: 0n, changedAt: new Date(0) };
}
