import { prisma, type Prisma, type TransactionClient } from "../db";
import { NotFoundError } from "../errors";
import {
  ACTION_ITEM_STATES,
  normaliseSections,
  visibleSections,
  type ActionItem,
  type PostmortemContent,
  type PostmortemSection,
} from "./sections";
import type { PostmortemState } from "./workflow";

export interface RevisionSummary {
  number: number;
  authorName: string | null;
  createdAt: Date;
  note: string | null;
}

export interface RevisionDetail extends RevisionSummary {
  content: PostmortemContent;
}

export interface PostmortemDetail {
  id: string;
  incidentId: string;
  state: PostmortemState;
  currentRevision: number;
  publishedRevision: number | null;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  submittedBy: { id: string; name: string } | null;
  approvedRevision: number | null;
  approvedBy: { id: string; name: string } | null;
  /** The current revision. */
  current: RevisionDetail;
  /** Newest first. */
  revisions: RevisionSummary[];
}

/** A published postmortem as the public reads it: visible sections only, action items without owners. */
export interface PublicPostmortem {
  incidentId: string;
  title: string;
  sections: PostmortemSection[];
  actionItems: Omit<ActionItem, "owner">[];
  publishedAt: Date;
  firstPublishedAt: Date;
}

export function fromDbPostmortemState(state: string): PostmortemState {
  return state.toLowerCase() as PostmortemState;
}

export function toDbPostmortemState(state: PostmortemState): "DRAFT" | "IN_REVIEW" | "PUBLISHED" {
  return state.toUpperCase() as "DRAFT" | "IN_REVIEW" | "PUBLISHED";
}

type RevisionRow = { title: string; sections: Prisma.JsonValue; actionItems: Prisma.JsonValue };

/** A stored revision as content; tolerant of sections added to Candor after it was written. */
export function toContent(row: RevisionRow): PostmortemContent {
  const sections = Array.isArray(row.sections) ? (row.sections as Partial<PostmortemSection>[]) : [];
  const items = Array.isArray(row.actionItems) ? (row.actionItems as Partial<ActionItem>[]) : [];
  return {
    title: row.title,
    sections: normaliseSections(sections),
    actionItems: items.map((item, index) => ({
      id: String(item.id ?? index),
      description: String(item.description ?? ""),
      owner: String(item.owner ?? ""),
      state: ACTION_ITEM_STATES.includes(item.state as ActionItem["state"]) ? (item.state as ActionItem["state"]) : "planned",
    })),
  };
}

/**
 * The incident's postmortem row, locked for the rest of the transaction: two
 * saves or workflow steps at once run one after the other.
 */
export async function lockPostmortem(tx: TransactionClient, incidentId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM postmortems WHERE incident_id = ${incidentId} FOR UPDATE`;
  if (!locked) throw new NotFoundError("This incident has no postmortem yet; start one from the incident.");
  return tx.postmortem.findUniqueOrThrow({ where: { id: locked.id } });
}

/** Content as stored in a revision row. */
export function toRevisionData(content: PostmortemContent) {
  return {
    title: content.title,
    sections: content.sections as unknown as Prisma.InputJsonArray,
    actionItems: content.actionItems as unknown as Prisma.InputJsonArray,
  };
}

const revisionInclude = { author: { select: { name: true } } } satisfies Prisma.PostmortemRevisionInclude;

function toSummary(row: { number: number; createdAt: Date; note: string | null; author: { name: string } | null }): RevisionSummary {
  return { number: row.number, authorName: row.author?.name ?? null, createdAt: row.createdAt, note: row.note };
}

export async function findPostmortem(incidentId: string): Promise<PostmortemDetail | null> {
  const row = await prisma.postmortem.findUnique({
    where: { incidentId },
    include: {
      submittedBy: { select: { id: true, name: true } },
      approvedBy: { select: { id: true, name: true } },
      revisions: { orderBy: { number: "desc" }, select: { number: true, createdAt: true, note: true, author: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const current = await findRevision(incidentId, row.currentRevision);
  if (!current) throw new Error(`Postmortem ${row.id} has no revision ${row.currentRevision}`);
  return {
    id: row.id,
    incidentId: row.incidentId,
    state: fromDbPostmortemState(row.state),
    currentRevision: row.currentRevision,
    publishedRevision: row.publishedRevision,
    publishedAt: row.publishedAt,
    firstPublishedAt: row.firstPublishedAt,
    submittedBy: row.submittedBy,
    approvedRevision: row.approvedRevision,
    approvedBy: row.approvedBy,
    current,
    revisions: row.revisions.map(toSummary),
  };
}

export async function findRevision(incidentId: string, number: number): Promise<RevisionDetail | null> {
  const row = await prisma.postmortemRevision.findFirst({ where: { number, postmortem: { incidentId } }, include: revisionInclude });
  return row ? { ...toSummary(row), content: toContent(row) } : null;
}

/** The published postmortems of these incidents (the public snapshot's, or one page's). */
export async function listPublishedPostmortems(incidentIds: string[]): Promise<PublicPostmortem[]> {
  if (incidentIds.length === 0) return [];
  const rows = await prisma.postmortem.findMany({ where: { publishedRevision: { not: null }, incidentId: { in: incidentIds } } });
  if (rows.length === 0) return [];
  const revisions = await prisma.postmortemRevision.findMany({
    where: { OR: rows.map((row) => ({ postmortemId: row.id, number: row.publishedRevision! })) },
  });
  const byPostmortem = new Map(revisions.map((revision) => [revision.postmortemId, revision]));
  return rows.flatMap((row) => {
    const revision = byPostmortem.get(row.id);
    if (!revision || !row.publishedAt) return [];
    const content = toContent(revision);
    return [
      {
        incidentId: row.incidentId,
        title: content.title,
        sections: visibleSections(content),
        actionItems: content.actionItems.map(({ id, description, state }) => ({ id, description, state })),
        publishedAt: row.publishedAt,
        firstPublishedAt: row.firstPublishedAt ?? row.publishedAt,
      },
    ];
  });
}

/** Which of these incidents have a published postmortem (a history page's links, without their text). */
export async function listIncidentsWithPublishedPostmortem(incidentIds: string[]): Promise<Set<string>> {
  if (incidentIds.length === 0) return new Set();
  const rows = await prisma.postmortem.findMany({
    where: { publishedRevision: { not: null }, publishedAt: { not: null }, incidentId: { in: incidentIds } },
    select: { incidentId: true },
  });
  return new Set(rows.map((row) => row.incidentId));
}

/** The workflow state of an incident's postmortem, or null when it has none. */
export async function findPostmortemState(incidentId: string): Promise<{ state: PostmortemState; published: boolean } | null> {
  const row = await prisma.postmortem.findUnique({ where: { incidentId }, select: { state: true, publishedRevision: true } });
  return row ? { state: fromDbPostmortemState(row.state), published: row.publishedRevision !== null } : null;
}
