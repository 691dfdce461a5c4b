import { randomUUID } from "node:crypto";
import { prisma, type TransactionClient } from "../db";
import type { AuditActor } from "../audit/record-audit";
import { createDraft } from "../drafts/create-draft";
import { announceDraftsChanged } from "../drafts/live";
import { publishDraft } from "../drafts/publish-draft";
import type { NormalizedAlert } from "./payloads";
import { listAlertRules } from "./queries";
import { matchRule, RESOLVED_MESSAGE, suggestDraft } from "./rules";

export type AlertOutcome = "draft_created" | "attached" | "resolve_proposed" | "draft_marked_resolved" | "ignored";

export interface AlertResult {
  fingerprint: string;
  outcome: AlertOutcome;
  draftId: string | null;
  incidentId: string | null;
  /** The rule said "publish automatically" and the draft was published. */
  isPublished: boolean;
}

interface AlertRow {
  id: string;
  is_firing: boolean;
  draft_id: string | null;
  incident_id: string | null;
  labels: Record<string, string>;
}

const TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 10_000 };

const SOURCE_NAMES = { alertmanager: "Alertmanager", grafana: "Grafana", generic: "Alert" } as const;

/**
 * Turns alerts into drafts. A fingerprint's repeats attach to its draft or
 * incident (the row lock serialises them, so a flood makes one draft); a
 * resolved alert proposes Resolve for its published incident. Nothing is
 * published unless the matching rule says so.
 */
export async function receiveAlerts(actor: AuditActor, alerts: NormalizedAlert[]): Promise<AlertResult[]> {
  const results: AlertResult[] = [];
  for (const alert of alerts) results.push(await receiveAlert(actor, alert));
  if (results.some((result) => result.outcome !== "attached" && result.outcome !== "ignored")) announceDraftsChanged();
  return results;
}

/**
 * Fingerprints whose first notification is being turned into a draft in this
 * process. A burst of a new alert waits here for the first, then attaches as
 * a repeat, rather than each request holding a pooled connection while it
 * queues on the fingerprint's advisory lock (100 at once exhausted the pool).
 * Other instances are still kept apart by that lock.
 */
const firstInFlight = new Map<string, Promise<unknown>>();

async function receiveAlert(actor: AuditActor, alert: NormalizedAlert): Promise<AlertResult> {
  for (;;) {
    const repeat = await attachRepeat(alert);
    if (repeat) return repeat;
    const inFlight = firstInFlight.get(alert.fingerprint);
    if (!inFlight) break;
    await inFlight.catch(() => {});
  }
  const work = decideInTransaction(actor, alert);
  firstInFlight.set(alert.fingerprint, work);
  try {
    return await work;
  } finally {
    if (firstInFlight.get(alert.fingerprint) === work) firstInFlight.delete(alert.fingerprint);
  }
}

async function decideInTransaction(actor: AuditActor, alert: NormalizedAlert): Promise<AlertResult> {
  const result = await prisma.$transaction(async (tx) => {
    const row = await lockAlert(tx, alert);
    const base = {
      fingerprint: alert.fingerprint,
      draftId: row?.draft_id ?? null,
      incidentId: row?.incident_id ?? null,
      isPublished: false,
    };
    if (!row) {
      if (!alert.isFiring) return { ...base, outcome: "ignored" as const, isAutoPublish: false };
      const draft = await draftForFiring(tx, actor, alert);
      await tx.alert.create({
        data: { id: randomUUID(), fingerprint: alert.fingerprint, source: alert.source, labels: alert.labels, draftId: draft.id },
      });
      return { ...base, outcome: "draft_created" as const, draftId: draft.id, isAutoPublish: draft.isAutoPublish };
    }
    await tx.$executeRaw`UPDATE alerts SET received_count = received_count + 1, last_seen_at = now(), updated_at = now(),
      is_firing = ${alert.isFiring} WHERE id = ${row.id}`;
    return { ...base, ...(await decide(tx, actor, alert, row)) };
    // A burst of a new fingerprint queues here on the advisory lock: let it wait rather than fail.
  }, TRANSACTION_LIMITS);
  const { isAutoPublish, ...answer } = result;
  if (isAutoPublish && answer.draftId) {
    const { incidentId } = await publishDraft(actor, { draftId: answer.draftId, setBanner: false });
    return { ...answer, incidentId, isPublished: true };
  }
  return answer;
}

async function decide(
  tx: TransactionClient,
  actor: AuditActor,
  alert: NormalizedAlert,
  row: AlertRow,
): Promise<{ outcome: AlertOutcome; draftId?: string; isAutoPublish: boolean }> {
  const [draft, incident] = await Promise.all([
    row.draft_id ? tx.draft.findUnique({ where: { id: row.draft_id }, select: { state: true } }) : null,
    row.incident_id ? tx.incident.findUnique({ where: { id: row.incident_id }, select: { status: true } }) : null,
  ]);
  const isDraftOpen = draft?.state === "OPEN";
  const isIncidentOpen = incident !== null && incident.status !== "RESOLVED" && incident.status !== "COMPLETED";
  if (alert.isFiring) {
    // A repeat while firing attaches, whatever became of its draft (published, dismissed).
    if (row.is_firing || isIncidentOpen) return { outcome: "attached", isAutoPublish: false };
    if (isDraftOpen) {
      await tx.draft.update({ where: { id: row.draft_id! }, data: { isAlertResolved: false } });
      return { outcome: "attached", isAutoPublish: false };
    }
    const created = await draftForFiring(tx, actor, alert);
    await tx.alert.update({ where: { id: row.id }, data: { draftId: created.id, incidentId: null } });
    return { outcome: "draft_created", draftId: created.id, isAutoPublish: created.isAutoPublish };
  }
  if (!row.is_firing) return { outcome: "attached", isAutoPublish: false };
  if (isDraftOpen) {
    await tx.draft.update({ where: { id: row.draft_id! }, data: { isAlertResolved: true } });
    return { outcome: "draft_marked_resolved", isAutoPublish: false };
  }
  if (!isIncidentOpen) return { outcome: "ignored", isAutoPublish: false };
  return proposeResolve(tx, actor, alert, row);
}

async function proposeResolve(tx: TransactionClient, actor: AuditActor, alert: NormalizedAlert, row: AlertRow) {
  const pending = await tx.draft.findFirst({
    where: { incidentId: row.incident_id, kind: "UPDATE", state: "OPEN", status: "RESOLVED" },
    select: { id: true },
  });
  if (pending) return { outcome: "attached" as const, draftId: pending.id, isAutoPublish: false };
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: row.incident_id! }, select: { title: true, impact: true } });
  const rule = matchRule(await listAlertRules(tx), alert.labels);
  const draft = await createDraft(tx, actor, {
    kind: "update",
    source: SOURCE_NAMES[alert.source],
    incidentId: row.incident_id,
    title: incident.title,
    impact: incident.impact.toLowerCase() as "none" | "minor" | "major" | "critical",
    status: "resolved",
    message: RESOLVED_MESSAGE,
    components: [],
  });
  return { outcome: "resolve_proposed" as const, draftId: draft.id, isAutoPublish: rule?.isAutoPublish ?? false };
}

async function draftForFiring(tx: TransactionClient, actor: AuditActor, alert: NormalizedAlert) {
  const rule = matchRule(await listAlertRules(tx), alert.labels);
  const components = await tx.component.findMany({ where: { id: { in: rule?.componentIds ?? [] } }, select: { id: true, name: true } });
  const suggestion = suggestDraft(alert, rule, new Map(components.map((component) => [component.id, component.name])));
  const draft = await createDraft(tx, actor, {
    kind: "incident",
    source: SOURCE_NAMES[alert.source],
    title: suggestion.title,
    impact: suggestion.impact,
    status: "investigating",
    message: suggestion.message,
    components: suggestion.components,
  });
  return { id: draft.id, isAutoPublish: suggestion.isAutoPublish };
}

/**
 * The common case, in one statement and no transaction: a repeat of an alert
 * in the same state (still firing, still resolved) only counts. Floods of
 * one fingerprint take this path.
 */
async function attachRepeat(alert: NormalizedAlert): Promise<AlertResult | null> {
  const [row] = await prisma.$queryRaw<{ draft_id: string | null; incident_id: string | null }[]>`
    UPDATE alerts SET received_count = received_count + 1, last_seen_at = now(), updated_at = now()
    WHERE fingerprint = ${alert.fingerprint} AND is_firing = ${alert.isFiring}
    RETURNING draft_id, incident_id`;
  if (!row) return null;
  return { fingerprint: alert.fingerprint, outcome: "attached", draftId: row.draft_id, incidentId: row.incident_id, isPublished: false };
}

/** Locks the fingerprint's row; a first notification takes a transaction-level lock on the fingerprint instead, so two firsts make one row. */
async function lockAlert(tx: TransactionClient, alert: NormalizedAlert): Promise<AlertRow | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${alert.fingerprint}, 21))`;
  const [row] = await tx.$queryRaw<AlertRow[]>`
    SELECT id, is_firing, draft_id, incident_id, labels FROM alerts WHERE fingerprint = ${alert.fingerprint} FOR UPDATE`;
  return row ?? null;
}
