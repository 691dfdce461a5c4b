import { prisma, type Prisma } from "../db";
import { fromDbComponentStatus, fromDbImpact } from "../components/convert";
import type { ComponentStatus, IncidentImpact } from "../components/constants";
import type { IncidentStatus } from "./constants";
import { fromDbIncidentStatus } from "./convert";

export interface TimelineUpdate {
  id: string;
  status: IncidentStatus | null;
  message: string;
  isInternal: boolean;
  publishedAt: Date;
  editedAt: Date | null;
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
  componentChanges: { componentId: string; name: string; status: ComponentStatus }[];
}

export interface IncidentView {
  id: string;
  kind: "incident" | "maintenance";
  title: string;
  impact: IncidentImpact;
  status: IncidentStatus;
  startedAt: Date;
  resolvedAt: Date | null;
  scheduledStart: Date | null;
  scheduledEnd: Date | null;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
  components: { id: string; name: string; status: ComponentStatus }[];
  /** Newest first. */
  updates: TimelineUpdate[];
}

const incidentInclude = (includeInternal: boolean) =>
  ({
    components: { include: { component: { select: { id: true, name: true } } } },
    updates: {
      where: includeInternal ? {} : { isInternal: false },
      orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
      include: { author: { select: { name: true } } },
    },
  }) satisfies Prisma.IncidentInclude;

type IncidentRow = Prisma.IncidentGetPayload<{ include: ReturnType<typeof incidentInclude> }>;

function toView(row: IncidentRow, names: Map<string, string>): IncidentView {
  return {
    id: row.id,
    kind: row.kind === "MAINTENANCE" ? "maintenance" : "incident",
    title: row.title,
    impact: fromDbImpact(row.impact),
    status: fromDbIncidentStatus(row.status),
    startedAt: row.startedAt,
    resolvedAt: row.resolvedAt,
    scheduledStart: row.scheduledStart,
    scheduledEnd: row.scheduledEnd,
    isDemo: row.isDemo,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    components: row.components.map((link) => ({
      id: link.component.id,
      name: link.component.name,
      status: fromDbComponentStatus(link.status),
    })),
    updates: row.updates.map((update) => ({
      id: update.id,
      status: update.status ? fromDbIncidentStatus(update.status) : null,
      message: update.message,
      isInternal: update.isInternal,
      publishedAt: update.publishedAt,
      editedAt: update.editedAt,
      authorName: update.author?.name ?? null,
      createdAt: update.createdAt,
      updatedAt: update.updatedAt,
      // Only what the view promises: a stored change may carry bookkeeping (isDefault) that is not for readers.
      componentChanges: ((update.componentChanges ?? []) as { componentId: string; status: ComponentStatus }[]).map(
        ({ componentId, status }) => ({ componentId, status, name: names.get(componentId) ?? "A removed component" }),
      ),
    })),
  };
}

async function loadViews(
  where: Prisma.IncidentWhereInput,
  options: { includeInternal: boolean; orderBy?: Prisma.IncidentOrderByWithRelationInput[]; take?: number; skip?: number },
): Promise<IncidentView[]> {
  const [rows, components] = await Promise.all([
    prisma.incident.findMany({
      where,
      include: incidentInclude(options.includeInternal),
      orderBy: options.orderBy ?? [{ startedAt: "desc" }],
      take: options.take,
      skip: options.skip,
    }),
    prisma.component.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(components.map((component) => [component.id, component.name]));
  return rows.map((row) => toView(row, names));
}

/** One incident as operators see it, internal notes included, or null. */
export async function findIncidentForOperators(id: string): Promise<IncidentView | null> {
  return (await loadViews({ id }, { includeInternal: true }))[0] ?? null;
}

const CLOSED: Prisma.IncidentWhereInput = { status: { in: ["RESOLVED", "COMPLETED"] } };

/**
 * What the public snapshot holds (lib/public-snapshot): every incident and
 * maintenance still open, and at most `latest` of those that started since
 * `since`, as customers see them (no internal notes), newest first. Bounded
 * by what is open and recent, not by years of history.
 */
export async function listSnapshotIncidents(since: Date, latest: number): Promise<IncidentView[]> {
  const [open, recent] = await Promise.all([
    loadViews({ NOT: CLOSED }, { includeInternal: false }),
    loadViews({ ...CLOSED, startedAt: { gte: since } }, { includeInternal: false, take: latest }),
  ]);
  return [...open, ...recent].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1));
}

/** The `count` newest incidents, and the `count` newest maintenance, open or closed, as customers see them (the feeds, the v2 lists). */
export async function listLatestPublicIncidents(count: number): Promise<IncidentView[]> {
  const newest = (kind: "INCIDENT" | "MAINTENANCE") =>
    loadViews({ kind }, { includeInternal: false, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: count });
  return (await Promise.all([newest("INCIDENT"), newest("MAINTENANCE")])).flat();
}

/** One page of closed incidents and completed maintenance as customers see them, newest first. */
export async function listClosedPublicIncidents(page: { skip: number; take: number }): Promise<IncidentView[]> {
  return loadViews(CLOSED, { includeInternal: false, orderBy: [{ startedAt: "desc" }, { id: "desc" }], ...page });
}

export async function countClosedPublicIncidents(): Promise<number> {
  return prisma.incident.count({ where: CLOSED });
}

/** One incident or maintenance as customers see it, or null. */
export async function findPublicIncident(id: string): Promise<IncidentView | null> {
  return (await loadViews({ id }, { includeInternal: false }))[0] ?? null;
}

/** The id of every incident and maintenance: which /incidents/<id> pages exist. */
export async function listIncidentIds(): Promise<string[]> {
  const rows = await prisma.incident.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

export interface IncidentWindow {
  id: string;
  title: string;
  startedAt: Date;
  resolvedAt: Date | null;
  componentIds: string[];
}

/** Incidents (not maintenance) open at some time since `since`, with the components they touched: the uptime bars' day details. */
export async function listIncidentWindows(since: Date): Promise<IncidentWindow[]> {
  const rows = await prisma.incident.findMany({
    where: { kind: "INCIDENT", OR: [{ resolvedAt: null }, { resolvedAt: { gte: since } }] },
    select: { id: true, title: true, startedAt: true, resolvedAt: true, components: { select: { componentId: true } } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
  });
  return rows.map(({ components, ...row }) => ({ ...row, componentIds: components.map((link) => link.componentId) }));
}

/** For the admin list: everything open, then the latest closed ones. */
export async function listIncidentsForOperators(): Promise<{ open: IncidentView[]; closed: IncidentView[] }> {
  const [open, closed] = await Promise.all([
    loadViews({ status: { notIn: ["RESOLVED", "COMPLETED"] } }, { includeInternal: false }),
    loadViews({ status: { in: ["RESOLVED", "COMPLETED"] } }, { includeInternal: false, take: 50 }),
  ]);
  return { open, closed };
}

export interface OpenIncidentSummary {
  id: string;
  title: string;
  impact: IncidentImpact;
  /** When customers last heard about it: the newest public update's time. */
  lastPublicUpdateAt: Date;
}

/** Incidents still open, oldest public update first (the one customers have waited longest on leads). */
export async function listOpenIncidents(): Promise<OpenIncidentSummary[]> {
  const incidents = await prisma.incident.findMany({
    where: { kind: "INCIDENT", status: { not: "RESOLVED" } },
    select: {
      id: true,
      title: true,
      impact: true,
      startedAt: true,
      updates: { where: { isInternal: false }, orderBy: { publishedAt: "desc" }, take: 1, select: { publishedAt: true } },
    },
  });
  return incidents
    .map((incident) => ({
      id: incident.id,
      title: incident.title,
      impact: fromDbImpact(incident.impact),
      lastPublicUpdateAt: incident.updates[0]?.publishedAt ?? incident.startedAt,
    }))
    .sort((a, b) => a.lastPublicUpdateAt.getTime() - b.lastPublicUpdateAt.getTime());
}
