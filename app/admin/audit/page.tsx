import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/form-controls";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { listAuditEntityTypes, listAuditEntries } from "@/lib/audit/queries";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schemas";
import { listOperators } from "@/lib/auth/queries";
import { requirePageAccess } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAccess("audit:read");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
  );
  const parsed = auditFilterSchema.safeParse(raw);
  const filter: AuditFilter = parsed.success ? parsed.data : { page: 1 };
  const [{ entries, hasMore }, operators, entityTypes] = await Promise.all([
    listAuditEntries(filter),
    listOperators(),
    listAuditEntityTypes(),
  ]);
  const fieldClasses =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <>
      <PageHeader title="Audit log" description="Every change, newest first: who, what, and the values before and after." />
      <Panel>
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-5 sm:items-end">
          <label className="text-sm font-medium">
            Operator
            <select name="operator" defaultValue={filter.operator ?? ""} className={fieldClasses}>
              <option value="">Anyone</option>
              {operators.map((operator) => (
                <option key={operator.id} value={operator.id}>
                  {operator.email}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Entity
            <select name="entity" defaultValue={filter.entity ?? ""} className={fieldClasses}>
              <option value="">Any</option>
              {entityTypes.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            From
            <input type="date" name="from" defaultValue={filter.from} className={fieldClasses} />
          </label>
          <label className="text-sm font-medium">
            To
            <input type="date" name="to" defaultValue={filter.to} className={fieldClasses} />
          </label>
          <button type="submit" className={buttonClasses.secondary}>
            Filter
          </button>
        </form>
        {!parsed.success && (
          <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
            {parsed.error.issues[0]?.message} Showing everything instead.
          </p>
        )}
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No changes match these filters.</p>
        ) : (
          <ol className="divide-y divide-slate-100 dark:divide-slate-800">
            {entries.map((entry) => (
              <li key={entry.id} className="py-3 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="font-semibold">{entry.actorEmail ?? "Candor"}</span>{" "}
                    <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{entry.action}</code>
                    {entry.entityId && (
                      <span className="text-slate-500 dark:text-slate-400">
                        {" "}
                        · {entry.entityType} {entry.entityId}
                      </span>
                    )}
                  </p>
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    <LocalTime iso={entry.createdAt.toISOString()} />
                  </span>
                </div>
                <ChangeDetails before={entry.before} after={entry.after} />
              </li>
            ))}
          </ol>
        )}
        <nav aria-label="Audit pages" className="mt-4 flex gap-3 text-sm">
          {filter.page > 1 && (
            <Link className="text-blue-700 underline dark:text-blue-400" href={pageHref(filter, filter.page - 1)}>
              Newer
            </Link>
          )}
          {hasMore && (
            <Link className="text-blue-700 underline dark:text-blue-400" href={pageHref(filter, filter.page + 1)}>
              Older
            </Link>
          )}
        </nav>
      </Panel>
    </>
  );
}

function ChangeDetails({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return null;
  return (
    <dl className="mt-1 grid gap-1 text-xs text-slate-600 sm:grid-cols-2 dark:text-slate-300">
      {before != null && (
        <div>
          <dt className="font-semibold">Before</dt>
          <dd>
            <pre className="whitespace-pre-wrap break-all font-mono">{JSON.stringify(before, null, 1)}</pre>
          </dd>
        </div>
      )}
      {after != null && (
        <div>
          <dt className="font-semibold">After</dt>
          <dd>
            <pre className="whitespace-pre-wrap break-all font-mono">{JSON.stringify(after, null, 1)}</pre>
          </dd>
        </div>
      )}
    </dl>
  );
}

function pageHref(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["operator", "entity", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]!);
  params.set("page", String(page));
  return `/admin/audit?${params}`;
}
