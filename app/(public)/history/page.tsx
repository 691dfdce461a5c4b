import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { IncidentStatusLabel } from "@/components/status/incident-status-label";
import type { IncidentView } from "@/lib/incidents/queries";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { readHistoryPage } from "@/lib/public-snapshot/pages";
import { formatDuration } from "@/lib/incidents/format-duration";
import { z } from "zod";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incident history" };

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

function monthOf(incident: IncidentView): string {
  return incident.startedAt.toISOString().slice(0, 7);
}

function monthLabel(month: string): string {
  return new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const raw = (await searchParams).page;
  const page = pageSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  const { snapshot } = await readPublicSnapshot();
  const history = await readHistoryPage(snapshot, page);
  // Past the last page: a 404 (one cached answer for all of them), not an empty page per number.
  if (!history) notFound();
  const { items, hasMore, withPostmortem } = history;
  const months = [...new Set(items.map(monthOf))];
  return (
    <>
      <h1 className="text-2xl font-bold">Incident history</h1>
      {items.length === 0 && (
        <p className="mt-4 text-slate-600 dark:text-slate-300">{page === 1 ? "No past incidents or maintenance." : "No more history."}</p>
      )}
      {months.map((month) => (
        <section key={month} aria-labelledby={`month-${month}`} className="mt-8">
          <h2 id={`month-${month}`} className="mb-3 border-b border-slate-200 pb-1 text-lg font-semibold dark:border-slate-800">
            {monthLabel(month)}
          </h2>
          <ul className="space-y-3">
            {items
              .filter((incident) => monthOf(incident) === month)
              .map((incident) => (
                <li
                  key={incident.id}
                  className="rounded-lg border border-slate-200 bg-white px-5 py-3 dark:border-slate-800 dark:bg-slate-900"
                >
                  <a href={`/incidents/${incident.id}`} className="font-semibold underline-offset-2 hover:underline">
                    {incident.title}
                  </a>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                    <IncidentStatusLabel status={incident.status} />
                    {incident.kind === "maintenance" ? "Maintenance · " : ""}
                    <LocalTime iso={incident.startedAt.toISOString()} />
                    {incident.resolvedAt && (
                      <span>· lasted {formatDuration(incident.resolvedAt.getTime() - incident.startedAt.getTime())}</span>
                    )}
                    {withPostmortem.has(incident.id) && (
                      <span>
                        ·{" "}
                        <a
                          href={`/incidents/${incident.id}/postmortem`}
                          aria-label={`Postmortem of ${incident.title}`}
                          className="font-medium text-[var(--brand)] underline underline-offset-2 dark:text-blue-300"
                        >
                          Postmortem
                        </a>
                      </span>
                    )}
                  </p>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <nav aria-label="History pages" className="mt-8 flex justify-between text-sm">
        {page > 1 ? (
          <a href={page === 2 ? "/history" : `/history?page=${page - 1}`} className="text-[var(--brand)] dark:text-blue-300 underline">
            Newer
          </a>
        ) : (
          <span />
        )}
        {hasMore && (
          <a href={`/history?page=${page + 1}`} className="text-[var(--brand)] dark:text-blue-300 underline">
            Older
          </a>
        )}
      </nav>
    </>
  );
}
