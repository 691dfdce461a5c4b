import { prisma } from "../db";
import { fromDbComponentStatus, fromDbImpact } from "../components/convert";
import type { ComponentStatus, IncidentImpact } from "../components/constants";
import { fromDbIncidentStatus } from "../incidents/convert";
import type { IncidentStatus } from "../incidents/constants";

export interface DraftView {
  id: string;
  kind: "incident" | "update";
  source: string;
  incidentId: string | null;
  incidentTitle: string | null;
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  message: string;
  components: { componentId: string; name: string; status: ComponentStatus }[];
  isAlertResolved: boolean;
  /** Alert notifications that attached to this draft. */
  alertCount: number;
  createdAt: Date;
}

/** Open drafts, newest first. */
export async function listOpenDrafts(): Promise<DraftView[]> {
  const rows = await prisma.draft.findMany({
    where: { state: "OPEN" },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { alerts: { select: { receivedCount: true } } },
  });
  const componentIds = rows.flatMap((row) => (row.components as { componentId: string }[]).map((change) => change.componentId));
  const incidentIds = rows.flatMap((row) => (row.incidentId ? [row.incidentId] : []));
  const [components, incidents] = await Promise.all([
    prisma.component.findMany({ where: { id: { in: componentIds } }, select: { id: true, name: true } }),
    prisma.incident.findMany({ where: { id: { in: incidentIds } }, select: { id: true, title: true } }),
  ]);
  const names = new Map(components.map((component) => [component.id, component.name]));
  const titles = new Map(incidents.map((incident) => [incident.id, incident.title]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind === "UPDATE" ? "update" : "incident",
    source: row.source,
    incidentId: row.incidentId,
    incidentTitle: row.incidentId ? (titles.get(row.incidentId) ?? null) : null,
    title: row.title,
    impact: fromDbImpact(row.impact),
    status: fromDbIncidentStatus(row.status),
    message: row.message,
    components: (row.components as { componentId: string; status: string }[])
      .filter((change) => names.has(change.componentId))
      .map((change) => ({
        componentId: change.componentId,
        name: names.get(change.componentId)!,
        status: fromDbComponentStatus(change.status),
      })),
    isAlertResolved: row.isAlertResolved,
    alertCount: row.alerts.reduce((sum, alert) => sum + alert.receivedCount, 0),
    createdAt: row.createdAt,
  }));
}

/** Changes whenever an open draft is added, changed or decided: what the live bar waits on. */
export async function readDraftsVersion(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ count: bigint; latest: Date | null }[]>`
    SELECT count(*) FILTER (WHERE state = 'open') AS count, max(updated_at) AS latest FROM drafts`;
  return `${row?.count ?? 0}:${row?.latest?.getTime() ?? 0}`;
}
