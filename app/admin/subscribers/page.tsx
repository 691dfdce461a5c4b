import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { TableHead } from "@/components/table-head";
import { buttonClasses } from "@/components/form-controls";
import { requirePageAccess } from "@/lib/auth/session";
import {
  countSubscribersByState,
  listSubscribers,
  SUBSCRIBER_PAGE_SIZE,
  SUBSCRIBER_STATES,
  type SubscriberStateName,
} from "@/lib/subscribers/queries";
import { ImportSubscribersForm } from "./import-form";

export const metadata: Metadata = { title: "Subscribers" };

const STATE_LABELS: Record<SubscriberStateName, string> = {
  pending: "Pending confirmation",
  confirmed: "Confirmed",
  unsubscribed: "Unsubscribed",
  bounced: "Bounced",
};

export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess("subscribers:manage");
  const query = await searchParams;
  const search = typeof query.q === "string" ? query.q.slice(0, 254) : "";
  const state = SUBSCRIBER_STATES.find((candidate) => candidate === query.state);
  const page = Math.min(10_000, Math.max(1, Number(query.page) || 1));
  const [counts, { rows, total }] = await Promise.all([countSubscribersByState(), listSubscribers({ search, state, page })]);
  return (
    <>
      <PageHeader
        title="Subscribers"
        description="People who asked for email notices from the public page. They are told about incidents, maintenance and postmortems on the components they chose."
      />
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {SUBSCRIBER_STATES.map((name) => (
            <div key={name} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <dt className="text-xs text-slate-600 dark:text-slate-400">{STATE_LABELS[name]}</dt>
              <dd className="text-2xl font-semibold">{counts[name].toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
        <Panel title="Find subscribers">
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="q" className="block text-sm font-medium">
                Email contains
              </label>
              <input
                id="q"
                name="q"
                type="search"
                defaultValue={search}
                className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
              />
            </div>
            <div>
              <label htmlFor="state" className="block text-sm font-medium">
                State
              </label>
              <select
                id="state"
                name="state"
                defaultValue={state ?? ""}
                className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="">Any</option>
                {SUBSCRIBER_STATES.map((name) => (
                  <option key={name} value={name}>
                    {STATE_LABELS[name]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClasses.secondary}>
              Search
            </button>
            <a href="/admin/subscribers/export" className={buttonClasses.secondary}>
              Export CSV
            </a>
          </form>
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" role="status">
            {total.toLocaleString("en")} found
            {total > SUBSCRIBER_PAGE_SIZE ? `; page ${page} of ${Math.ceil(total / SUBSCRIBER_PAGE_SIZE)}` : ""}.
          </p>
          {rows.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Subscribers</caption>
                <TableHead columns={["Email", "State", "Components", "Since"]} />
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td className="py-2 pr-3 font-medium">{row.email}</td>
                      <td className="py-2 pr-3">
                        {STATE_LABELS[row.state]}
                        {row.isImported && " (imported)"}
                      </td>
                      <td className="py-2 pr-3">{row.components.length ? row.components.join(", ") : "All"}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <LocalTime iso={row.createdAt.toISOString()} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {total > page * SUBSCRIBER_PAGE_SIZE && (
            <a
              className="mt-3 inline-block text-sm underline"
              href={`/admin/subscribers?${new URLSearchParams({ q: search, state: state ?? "", page: String(page + 1) })}`}
            >
              Next page
            </a>
          )}
        </Panel>
        <Panel title="Import from CSV">
          <ImportSubscribersForm />
        </Panel>
      </div>
    </>
  );
}
