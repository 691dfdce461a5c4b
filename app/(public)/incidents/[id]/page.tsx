import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { IncidentStatusLabel } from "@/components/status/incident-status-label";
import { IncidentTimeline } from "@/components/status/incident-timeline";
import { IMPACT_LABELS } from "@/lib/incidents/constants";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { readPublicIncident } from "@/lib/public-snapshot/pages";
import { formatDuration } from "@/lib/incidents/format-duration";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const found = await readPublicIncident((await readPublicSnapshot()).snapshot, id);
  return { title: found?.incident.title ?? "Incident not found" };
}

export default async function IncidentPage({ params }: { params: Params }) {
  const { id } = await params;
  const { snapshot } = await readPublicSnapshot();
  const found = await readPublicIncident(snapshot, id);
  if (!found) notFound();
  const { incident, postmortem } = found;
  return (
    <article>
      <p className="text-sm">
        <a href="/" className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
          ← Current status
        </a>
      </p>
      <h1 className="mt-3 text-2xl font-bold">{incident.title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
        <IncidentStatusLabel status={incident.status} />
        {incident.kind === "incident" && <span>Impact: {IMPACT_LABELS[incident.impact]}</span>}
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
        {incident.kind === "maintenance" && incident.scheduledStart && incident.scheduledEnd ? (
          <div className="sm:col-span-2">
            <dt className="font-semibold">Window</dt>
            <dd>
              <LocalTime iso={incident.scheduledStart.toISOString()} /> – <LocalTime iso={incident.scheduledEnd.toISOString()} />
            </dd>
          </div>
        ) : (
          <>
            <div>
              <dt className="font-semibold">Started</dt>
              <dd>
                <LocalTime iso={incident.startedAt.toISOString()} />
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{incident.resolvedAt ? "Resolved" : "Status"}</dt>
              <dd>{incident.resolvedAt ? <LocalTime iso={incident.resolvedAt.toISOString()} /> : "Ongoing"}</dd>
            </div>
            {incident.resolvedAt && (
              <div>
                <dt className="font-semibold">Duration</dt>
                <dd>{formatDuration(incident.resolvedAt.getTime() - incident.startedAt.getTime())}</dd>
              </div>
            )}
          </>
        )}
        <div className={incident.resolvedAt ? "" : "sm:col-span-2"}>
          <dt className="font-semibold">Affected</dt>
          <dd>
            {incident.components.length ? incident.components.map((component) => component.name).join(", ") : "No specific component"}
          </dd>
        </div>
      </dl>
      {postmortem && (
        <p className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
          <span className="font-semibold">What happened and what we are changing: </span>
          <a href={`/incidents/${incident.id}/postmortem`} className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300">
            read the postmortem
          </a>
          .
        </p>
      )}
      <h2 className="mt-8 mb-4 text-lg font-semibold">Updates</h2>
      <IncidentTimeline updates={incident.updates} />
    </article>
  );
}
