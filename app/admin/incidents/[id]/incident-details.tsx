import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import type { IncidentView } from "@/lib/incidents/queries";
import { POSTMORTEM_STATE_LABELS, type PostmortemState } from "@/lib/postmortems/workflow";

/** The incident's links beside its title: banner and email (for who may), and its public page. */
export function IncidentLinks({ incident, canSetBanner, canEmail }: { incident: IncidentView; canSetBanner: boolean; canEmail: boolean }) {
  return (
    <div className="flex flex-wrap gap-4 text-sm">
      {canSetBanner && incident.kind === "incident" && (
        <Link href={`/admin/banner?incident=${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
          Set banner from this incident
        </Link>
      )}
      {canEmail && incident.kind === "incident" && (
        <Link href={`/admin/campaigns/new?incident=${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
          Email affected customers
        </Link>
      )}
      {canEmail && incident.kind === "incident" && (
        <Link href={`/admin/incidents/${incident.id}/make-good`} className="text-blue-700 underline dark:text-blue-400">
          Make good
        </Link>
      )}
      <Link href={`/incidents/${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
        Public page
      </Link>
    </div>
  );
}

/** When it ran, what it affected, and its postmortem's state. */
export function IncidentDetails({
  incident,
  postmortem,
}: {
  incident: IncidentView;
  postmortem: { state: PostmortemState; published: boolean } | null;
}) {
  return (
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
  );
}
