import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/form-controls";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { IncidentStatusLabel } from "@/components/status/incident-status-label";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { listIncidentsForOperators, type IncidentView } from "@/lib/incidents/queries";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const operator = await requirePageAccess("admin:read");
  const { open, closed } = await listIncidentsForOperators();
  const canWrite = hasPermission(operator.role, "incidents:write");
  return (
    <>
      <PageHeader title="Incidents and maintenance" description="Everything open first, then the latest closed.">
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/maintenance/new" className={buttonClasses.secondary}>
              Schedule maintenance
            </Link>
            <Link href="/admin/templates" className={buttonClasses.secondary}>
              Templates
            </Link>
            <Link href="/admin/incidents/new" className={buttonClasses.danger}>
              Declare incident
            </Link>
          </div>
        )}
      </PageHeader>
      <div className="space-y-6">
        <Panel title="Open">
          {open.length ? (
            <IncidentList items={open} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">Nothing open. All quiet.</p>
          )}
        </Panel>
        <Panel title="Closed">
          {closed.length ? (
            <IncidentList items={closed} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">No closed incidents yet.</p>
          )}
        </Panel>
      </div>
    </>
  );
}

function IncidentList({ items }: { items: IncidentView[] }) {
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {items.map((incident) => (
        <li key={incident.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div>
            <Link href={`/admin/incidents/${incident.id}`} className="font-medium text-blue-700 underline dark:text-blue-400">
              {incident.title}
            </Link>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {incident.kind === "maintenance" ? "Maintenance" : "Incident"} ·{" "}
              <LocalTime iso={(incident.scheduledStart ?? incident.startedAt).toISOString()} />
              {incident.isDemo && " · Demo"}
            </p>
          </div>
          <IncidentStatusLabel status={incident.status} />
        </li>
      ))}
    </ul>
  );
}
