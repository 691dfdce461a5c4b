import type { Metadata } from "next";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { listOpenIncidentImpacts, listPublicComponentGroups } from "@/lib/components/queries";
import { INDICATOR_LABELS, rollUpStatus, type Indicator } from "@/lib/components/rollup";
import { listRecentIncidents } from "@/lib/incidents/queries";
import { getPageSettings } from "@/lib/settings/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getPageSettings();
  return { title: { absolute: settings.pageName } };
}

const INDICATOR_STYLES: Record<Indicator, { icon: string; classes: string }> = {
  none: { icon: "✓", classes: "bg-green-700 text-white" },
  minor: { icon: "!", classes: "bg-yellow-400 text-yellow-950" },
  major: { icon: "▲", classes: "bg-orange-600 text-white" },
  critical: { icon: "✕", classes: "bg-red-700 text-white" },
  maintenance: { icon: "⚙", classes: "bg-blue-700 text-white" },
};

export default async function StatusPage() {
  const [settings, groups, impacts, incidents] = await Promise.all([
    getPageSettings(),
    listPublicComponentGroups(),
    listOpenIncidentImpacts(),
    listRecentIncidents(),
  ]);
  const indicator = rollUpStatus(groups.flatMap((group) => group.components.map((component) => component.status)), impacts);
  const style = INDICATOR_STYLES[indicator];
  return (
    <div style={{ "--brand": settings.brandColor } as React.CSSProperties} className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8 flex items-center justify-between gap-4">
        {settings.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- operator-supplied logo from any host
          <img src={settings.logoUrl} alt={settings.pageName} className="h-10 w-auto" />
        ) : (
          <p className="text-xl font-bold">{settings.pageName}</p>
        )}
        {settings.supportEmail && (
          <a href={`mailto:${settings.supportEmail}`} className="text-sm font-medium text-[var(--brand)] underline">
            Contact support
          </a>
        )}
      </header>
      <main>
        <h1 className={`flex items-center gap-3 rounded-lg px-5 py-4 text-lg font-semibold ${style.classes}`}>
          <span aria-hidden="true">{style.icon}</span>
          {INDICATOR_LABELS[indicator]}
        </h1>
        <section aria-labelledby="components-heading" className="mt-8">
          <h2 id="components-heading" className="sr-only">Components</h2>
          <div className="space-y-6">
            {groups.map((group) => (
              <section key={group.id ?? "ungrouped"} aria-label={group.name ?? "Components"} className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
                {group.name && <h3 className="border-b border-slate-200 px-5 py-3 font-semibold dark:border-slate-800">{group.name}</h3>}
                <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                  {group.components.map((component) => (
                    <li key={component.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
                      <span>{component.name}</span>
                      <StatusBadge status={component.status} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            {groups.length === 0 && <p className="text-slate-600 dark:text-slate-300">No components are listed yet.</p>}
          </div>
        </section>
        <section aria-labelledby="recent-heading" className="mt-10">
          <h2 id="recent-heading" className="mb-3 text-lg font-semibold">Recent incidents</h2>
          {incidents.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-300">No incidents in the last 14 days.</p>
          ) : (
            <ul className="space-y-3">
              {incidents.map((incident) => (
                <li key={incident.id} className="rounded-lg border border-slate-200 bg-white px-5 py-4 dark:border-slate-800 dark:bg-slate-900">
                  <p className="font-semibold">{incident.title}</p>
                  {incident.latestMessage && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{incident.latestMessage}</p>}
                  <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                    {incident.resolvedAt ? <>Resolved · <DateTime value={incident.resolvedAt} /></> : <>Ongoing since <DateTime value={incident.startedAt} /></>}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
      <footer className="mt-12 text-center text-xs text-slate-500 dark:text-slate-400">Powered by Candor</footer>
    </div>
  );
}
