import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
import { IncidentDetails, IncidentLinks } from "./incident-details";
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
        <IncidentLinks
          incident={incident}
          canSetBanner={hasPermission(operator.role, "banner:write")}
          canEmail={hasPermission(operator.role, "campaigns:send")}
        />
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
            <IncidentDetails incident={incident} postmortem={postmortem} />
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
