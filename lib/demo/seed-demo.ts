import { prisma, type Prisma, type TransactionClient } from "../db";
import { recordAudit } from "../audit/record-audit";
import { draftFromIncident } from "../postmortems/prefill";
import { toRevisionData } from "../postmortems/queries";
import { fromDbIncidentStatus } from "../incidents/convert";
import { fromDbComponentStatus } from "../components/convert";
import { DEMO_GROUPS, DEMO_HISTORY_DAYS, DEMO_INCIDENT, DEMO_INCIDENT_DAYS_AGO, DEMO_POSTMORTEM } from "./demo-content";

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Seeds the demo on a database's first start: only while the settings row
 * does not exist yet, so removing the demo is never undone by a restart.
 * Returns whether it seeded.
 */
export async function seedDemoOnFirstStart(now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.pageSettings.createManyAndReturn({ data: [{ id: 1, pageName: "Acme status" }], skipDuplicates: true });
    if (created.length === 0) return false;
    await insertDemo(tx, now);
    return true;
  });
}

/** Seeds the demo whatever the database holds (npm run db:seed-demo). */
export async function seedDemo(now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.pageSettings.upsert({ where: { id: 1 }, create: { id: 1, pageName: "Acme status" }, update: {} });
    await insertDemo(tx, now);
  });
}

async function insertDemo(tx: TransactionClient, now: Date): Promise<void> {
  const historyStart = new Date(now.getTime() - DEMO_HISTORY_DAYS * DAY);
  const componentIds = new Map<string, string>();
  for (const [groupPosition, group] of DEMO_GROUPS.entries()) {
    const created = await tx.componentGroup.create({ data: { name: group.name, position: groupPosition, isDemo: true } });
    for (const [position, name] of group.components.entries()) {
      const component = await tx.component.create({ data: { name, position, groupId: created.id, isDemo: true } });
      componentIds.set(name, component.id);
    }
  }
  const incidentStart = new Date(now.getTime() - DEMO_INCIDENT_DAYS_AGO * DAY);
  const incidentEnd = new Date(incidentStart.getTime() + DEMO_INCIDENT.updates.at(-1)!.at * MINUTE);
  const affectedId = componentIds.get(DEMO_INCIDENT.component)!;
  const incident = await tx.incident.create({
    data: {
      title: DEMO_INCIDENT.title,
      impact: DEMO_INCIDENT.impact,
      status: "RESOLVED",
      startedAt: incidentStart,
      resolvedAt: incidentEnd,
      isDemo: true,
      components: { create: [{ componentId: affectedId }] },
      updates: {
        create: DEMO_INCIDENT.updates.map((update, index) => ({
          status: update.status,
          message: update.message,
          publishedAt: new Date(incidentStart.getTime() + update.at * MINUTE),
          // The facts the component's history is derived from, should it be derived again.
          componentChanges:
            index === 0
              ? [{ componentId: affectedId, status: fromDbComponentStatus(DEMO_INCIDENT.componentStatus) }]
              : index === DEMO_INCIDENT.updates.length - 1
                ? [{ componentId: affectedId, status: "operational", isDefault: true }]
                : undefined,
        })),
      },
    },
  });
  const intervals: Prisma.ComponentStatusIntervalCreateManyInput[] = [...componentIds.values()].flatMap(
    (componentId): Prisma.ComponentStatusIntervalCreateManyInput[] =>
      componentId === affectedId
        ? [
            { componentId, status: "OPERATIONAL", cause: "MANUAL", startedAt: historyStart, endedAt: incidentStart },
            {
              componentId,
              status: DEMO_INCIDENT.componentStatus,
              cause: "INCIDENT",
              incidentId: incident.id,
              startedAt: incidentStart,
              endedAt: incidentEnd,
            },
            { componentId, status: "OPERATIONAL", cause: "INCIDENT", incidentId: incident.id, startedAt: incidentEnd },
          ]
        : [{ componentId, status: "OPERATIONAL", cause: "MANUAL", startedAt: historyStart }],
  );
  await tx.componentStatusInterval.createMany({ data: intervals });
  await insertDemoPostmortem(tx, incident.id, { incidentStart, incidentEnd });
  await recordAudit(tx, null, { action: "demo.seeded", entityType: "demo", after: { components: componentIds.size, incidents: 1 } });
}

async function insertDemoPostmortem(
  tx: TransactionClient,
  incidentId: string,
  { incidentStart, incidentEnd }: { incidentStart: Date; incidentEnd: Date },
): Promise<void> {
  const draft = draftFromIncident(
    {
      title: DEMO_INCIDENT.title,
      impact: "minor",
      startedAt: incidentStart,
      resolvedAt: incidentEnd,
      components: [{ name: DEMO_INCIDENT.component }],
      updates: DEMO_INCIDENT.updates.map((update) => ({
        status: fromDbIncidentStatus(update.status),
        message: update.message,
        isInternal: false,
        publishedAt: new Date(incidentStart.getTime() + update.at * MINUTE),
        createdAt: incidentStart,
      })),
    },
    "UTC",
  );
  const content = {
    title: DEMO_POSTMORTEM.title,
    sections: draft.sections.map((section) => ({ ...section, body: DEMO_POSTMORTEM.sections[section.key] ?? section.body })),
    actionItems: DEMO_POSTMORTEM.actionItems.map((item, index) => ({ id: `demo-${index + 1}`, ...item })),
  };
  const publishedAt = new Date(incidentEnd.getTime() + DAY);
  await tx.postmortem.create({
    data: {
      incidentId,
      state: "PUBLISHED",
      currentRevision: 1,
      publishedRevision: 1,
      publishedAt,
      firstPublishedAt: publishedAt,
      revisions: { create: { number: 1, ...toRevisionData(content), note: "Demo", createdAt: publishedAt } },
    },
  });
}
