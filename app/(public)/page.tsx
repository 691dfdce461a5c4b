import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { TimeAgo } from "@/components/time-ago";
import { StatusBadge } from "@/components/status-badge";
import { IncidentStatusLabel } from "@/components/status/incident-status-label";
import { Markdown } from "@/components/status/markdown";
import { UptimeStrip } from "@/components/status/uptime-strip";
import { INDICATOR_LABELS, type Indicator } from "@/lib/components/rollup";
import { cardText } from "@/lib/incidents/constants";
import type { IncidentView } from "@/lib/incidents/queries";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { activeMaintenance, findPostmortem, openIncidents, upcomingMaintenance } from "@/lib/public-snapshot/select";
import { RECENT_DAYS } from "@/lib/public-snapshot/types";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { snapshot } = await readPublicSnapshot();
  return { title: { absolute: snapshot.settings.pageName } };
}

const INDICATOR_STYLES: Record<Indicator, { icon: string; classes: string }> = {
  none: { icon: "✓", classes: "bg-green-700 text-white" },
  minor: { icon: "!", classes: "bg-yellow-400 text-yellow-950" },
  major: { icon: "▲", classes: "bg-orange-700 text-white" },
  critical: { icon: "✕", classes: "bg-red-700 text-white" },
  maintenance: { icon: "⚙", classes: "bg-blue-700 text-white" },
};

export default async function StatusPage() {
  const { snapshot } = await readPublicSnapshot();
  // Strictly false: a snapshot saved before this field existed belongs to a page that was set up.
  if (snapshot.isSetUp === false) return <NotSetUp />;
  const view = {
    ...snapshot,
    openIncidents: openIncidents(snapshot.incidents),
    activeMaintenance: activeMaintenance(snapshot.incidents),
    upcomingMaintenance: upcomingMaintenance(snapshot.incidents),
    recentIncidents: snapshot.incidents.filter((incident) => snapshot.recentIncidentIds.includes(incident.id)),
  };
  const style = INDICATOR_STYLES[view.indicator];
  return (
    <>
      <h1 className={`flex items-center gap-3 rounded-lg px-5 py-4 text-lg font-semibold ${style.classes}`}>
        <span aria-hidden="true">{style.icon}</span>
        {INDICATOR_LABELS[view.indicator]}
      </h1>

      {view.openIncidents.length > 0 && (
        <section aria-labelledby="active-heading" className="mt-8 space-y-4">
          <h2 id="active-heading" className="text-lg font-semibold">
            Active incidents
          </h2>
          {view.openIncidents.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} />
          ))}
        </section>
      )}

      {view.activeMaintenance.length + view.upcomingMaintenance.length > 0 && (
        <section aria-labelledby="maintenance-heading" className="mt-8 space-y-4">
          <h2 id="maintenance-heading" className="text-lg font-semibold">
            Maintenance
          </h2>
          {[...view.activeMaintenance, ...view.upcomingMaintenance].map((maintenance) => (
            <IncidentCard key={maintenance.id} incident={maintenance} />
          ))}
        </section>
      )}

      <section aria-labelledby="components-heading" className="mt-8">
        <h2 id="components-heading" className="sr-only">
          Components
        </h2>
        <div className="space-y-6">
          {view.groups.map((group) => (
            <section
              key={group.id ?? "ungrouped"}
              aria-label={group.name ?? "Components"}
              className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
            >
              {group.name && <h3 className="border-b border-slate-200 px-5 py-3 font-semibold dark:border-slate-800">{group.name}</h3>}
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {group.components.map((component) => (
                  <li key={component.id} className="px-5 py-4">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-medium">{component.name}</span>
                      <StatusBadge status={component.status} />
                    </div>
                    {component.description && <p className="text-sm text-slate-600 dark:text-slate-400">{component.description}</p>}
                    <UptimeStrip name={component.name} uptime={component.uptime} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {view.groups.length === 0 && <p className="text-slate-600 dark:text-slate-300">No components are listed yet.</p>}
        </div>
      </section>

      <section aria-labelledby="recent-heading" className="mt-10">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          Past incidents
        </h2>
        {view.recentIncidents.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-300">No incidents in the last {RECENT_DAYS} days.</p>
        ) : (
          <ul className="space-y-3">
            {view.recentIncidents.map((incident) => (
              <li key={incident.id}>
                <IncidentCard incident={incident} hasPostmortem={findPostmortem(snapshot, incident.id) !== null} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm">
          <a href="/history" className="text-[var(--brand)] dark:text-blue-300 underline underline-offset-2">
            Incident history
          </a>
        </p>
      </section>
    </>
  );
}

/** Before /setup: say so, rather than "All systems operational" for a page nobody runs yet. */
function NotSetUp() {
  return (
    <section className="rounded-lg border border-slate-200 bg-white px-5 py-6 dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">This status page is not set up yet</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Nobody has published anything here yet, so it says nothing about any service. If you run it, open{" "}
        <a href="/setup" className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300">
          /setup
        </a>{" "}
        to create the first admin.
      </p>
    </section>
  );
}

function IncidentCard({ incident, hasPostmortem = false }: { incident: IncidentView; hasPostmortem?: boolean }) {
  const text = cardText(incident.updates);
  return (
    <article className="rounded-lg border border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900">
      <h3 className="font-semibold">
        <a href={`/incidents/${incident.id}`} className="underline-offset-2 hover:underline">
          {incident.title}
        </a>
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <IncidentStatusLabel status={incident.status} />
        {incident.kind === "maintenance" && incident.scheduledStart && incident.scheduledEnd ? (
          <span>
            <LocalTime iso={incident.scheduledStart.toISOString()} /> – <LocalTime iso={incident.scheduledEnd.toISOString()} />
          </span>
        ) : (
          <span>
            {incident.resolvedAt ? "Resolved " : "Since "}
            <LocalTime iso={(incident.resolvedAt ?? incident.startedAt).toISOString()} />
          </span>
        )}
        {incident.components.length > 0 && <span>· {incident.components.map((component) => component.name).join(", ")}</span>}
        {incident.updates[0] && (
          <span>
            · <TimeAgo iso={incident.updates[0].publishedAt.toISOString()} prefix="Updated " />
          </span>
        )}
      </p>
      {text.automaticStatus && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{text.automaticStatus}</p>}
      {text.message && <Markdown source={text.message} className="mt-2 text-sm text-slate-800 dark:text-slate-200" />}
      {hasPostmortem && (
        <p className="mt-2 text-sm">
          <a
            href={`/incidents/${incident.id}/postmortem`}
            aria-label={`Read the postmortem of ${incident.title}`}
            className="font-medium text-[var(--brand)] underline underline-offset-2 dark:text-blue-300"
          >
            Read the postmortem
          </a>
        </p>
      )}
    </article>
  );
}
