import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { IncidentStatusLabel } from "@/components/status/incident-status-label";
import { IncidentTimeline } from "@/components/status/incident-timeline";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { findShowingBanner } from "@/lib/banner/incident-banner";
import { listComponentTree } from "@/lib/components/queries";
import { CLOSED_STATUSES, IMPACT_LABELS } from "@/lib/incidents/constants";
import { findIncidentForOperators } from "@/lib/incidents/queries";
import { listIncidentTemplates } from "@/lib/incidents/templates";
import { findPostmortemState } from "@/lib/postmortems/queries";
import { POSTMORTEM_STATE_LABELS } from "@/lib/postmortems/workflow";
import { StartPostmortemForm } from "./postmortem/start-postmortem-form";
import { toComponentChoices, toUtcInputValue } from "../component-choices";
import { PostUpdateForm } from "../post-update-form";
import { AddNoteForm, DeleteUpdateForm, EditUpdateForm, ExtendMaintenanceForm } from "../update-forms";

export const metadata: Metadata = { title: "Incident" };

export default async function AdminIncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ declared?: string }>;
}) {
  const operator = await requirePageAccess("admin:read");
  const { id } = await params;
  const incident = id.length <= 64 ? await findIncidentForOperators(id) : null;
  if (!incident) notFound();
  const [tree, templates, postmortem, showingBanner, { declared }] = await Promise.all([
    listComponentTree(),
    listIncidentTemplates(),
    findPostmortemState(incident.id),
    findShowingBanner(),
    searchParams,
  ]);
  const choices = toComponentChoices(tree);
  const affectedIds = new Set(incident.components.map((component) => component.id));
  const canWrite = hasPermission(operator.role, "incidents:write");
  const canDelete = hasPermission(operator.role, "incidents:delete");
  const isClosed = CLOSED_STATUSES.includes(incident.status);
  return (
    <>
      {declared && (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          Declared. It is on the status page now.
        </p>
      )}
      <PageHeader
        title={incident.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <IncidentStatusLabel status={incident.status} />
            {incident.kind === "incident" ? `Impact: ${IMPACT_LABELS[incident.impact]}` : "Scheduled maintenance"}
            {incident.isDemo && <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">Demo</span>}
          </span>
        }
      >
        <div className="flex flex-wrap gap-4 text-sm">
          {hasPermission(operator.role, "banner:write") && incident.kind === "incident" && (
            <Link href={`/admin/banner?incident=${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
              Set banner from this incident
            </Link>
          )}
          {hasPermission(operator.role, "campaigns:send") && incident.kind === "incident" && (
            <Link href={`/admin/campaigns/new?incident=${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
              Email affected customers
            </Link>
          )}
          <Link href={`/incidents/${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
            Public page
          </Link>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Panel title="Timeline">
          <IncidentTimeline
            updates={incident.updates}
            actions={(update) =>
              canWrite ? (
                <>
                  <EditUpdateForm updateId={update.id} message={update.message} />
                  {canDelete && <DeleteUpdateForm updateId={update.id} />}
                </>
              ) : null
            }
          />
        </Panel>
        <div className="space-y-6">
          <Panel title="Details">
            <dl className="space-y-2 text-sm">
              {incident.kind === "maintenance" && incident.scheduledStart && incident.scheduledEnd ? (
                <div>
                  <dt className="font-semibold">Window</dt>
                  <dd>
                    <LocalTime iso={incident.scheduledStart.toISOString()} /> – <LocalTime iso={incident.scheduledEnd.toISOString()} />
                  </dd>
                </div>
              ) : (
                <div>
                  <dt className="font-semibold">Started</dt>
                  <dd>
                    <LocalTime iso={incident.startedAt.toISOString()} />
                  </dd>
                </div>
              )}
              {incident.resolvedAt && (
                <div>
                  <dt className="font-semibold">{incident.kind === "maintenance" ? "Completed" : "Resolved"}</dt>
                  <dd>
                    <LocalTime iso={incident.resolvedAt.toISOString()} />
                  </dd>
                </div>
              )}
              <div>
                <dt className="font-semibold">Affected</dt>
                <dd>{incident.components.map((component) => component.name).join(", ") || "No component"}</dd>
              </div>
              {incident.kind === "incident" && postmortem && (
                <div>
                  <dt className="font-semibold">Postmortem</dt>
                  <dd>
                    <Link href={`/admin/incidents/${incident.id}/postmortem`} className="text-blue-700 underline dark:text-blue-400">
                      {POSTMORTEM_STATE_LABELS[postmortem.state]}
                      {postmortem.published && postmortem.state !== "published" ? " (a revision is published)" : ""}
                    </Link>
                  </dd>
                </div>
              )}
            </dl>
            {incident.kind === "incident" && !postmortem && hasPermission(operator.role, "postmortems:write") && (
              <div className="mt-4">
                <StartPostmortemForm incidentId={incident.id} label="Draft the postmortem" />
              </div>
            )}
            {canWrite && incident.kind === "maintenance" && !isClosed && incident.scheduledEnd && (
              <div className="mt-4">
                <ExtendMaintenanceForm incidentId={incident.id} scheduledEnd={toUtcInputValue(incident.scheduledEnd)} />
              </div>
            )}
          </Panel>
        </div>
      </div>
      {canWrite && (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          {!isClosed ? (
            <Panel title="Post an update">
              <PostUpdateForm
                incidentId={incident.id}
                kind={incident.kind}
                currentStatus={incident.status}
                affected={choices.filter((choice) => affectedIds.has(choice.id))}
                others={choices.filter((choice) => !affectedIds.has(choice.id))}
                templates={templates}
                impact={incident.impact}
                showingBanner={showingBanner}
              />
            </Panel>
          ) : (
            <Panel title="Closed">
              <p className="text-sm text-slate-600 dark:text-slate-300">
                This {incident.kind === "maintenance" ? "maintenance is completed" : "incident is resolved"}. Internal notes can still be
                added.
              </p>
            </Panel>
          )}
          <Panel title="Internal note">
            <AddNoteForm incidentId={incident.id} />
          </Panel>
        </div>
      )}
    </>
  );
}
