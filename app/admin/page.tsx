import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { hasDemoData } from "@/lib/demo/remove-demo";
import { countOwnComponents, listPublicComponentGroups } from "@/lib/components/queries";
import { senderAddress } from "@/lib/outbox/transport";
import { setupChecklist } from "@/lib/settings/checklist";
import { getPageSettings } from "@/lib/settings/queries";
import { CopyButton } from "@/components/copy-button";
import { IMPACT_LABELS } from "@/lib/incidents/constants";
import { listOpenIncidents } from "@/lib/incidents/queries";
import { INDICATOR_LABELS, rollUpStatus } from "@/lib/components/rollup";
import { RemoveDemoForm } from "./remove-demo-form";
import { UpdateAge } from "./update-age";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  const operator = await requirePageAccess("admin:read");
  const [isDemo, groups, openIncidents, settings, ownComponentCount] = await Promise.all([
    hasDemoData(),
    listPublicComponentGroups(),
    listOpenIncidents(),
    getPageSettings(),
    countOwnComponents(),
  ]);
  const checklist = setupChecklist({
    effectivePublicUrl: settings.effectivePublicUrl,
    senderAddress: senderAddress(settings.effectivePublicUrl),
    pageName: settings.pageName,
    brandColor: settings.brandColor,
    websiteUrl: settings.websiteUrl,
    ownComponentCount,
  });
  const snippet = `<script src="${settings.effectivePublicUrl}/embed/banner.js" async></script>`;
  const components = groups.flatMap((group) => group.components);
  const indicator = rollUpStatus(
    components.map((component) => component.status),
    openIncidents.map((incident) => incident.impact),
  );
  const renderedAt = new Date().toISOString();
  return (
    <>
      <PageHeader title="Overview" description={`Signed in as ${operator.email}.`} />
      <div className="space-y-6">
        {isDemo && (
          <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-5 dark:border-amber-700 dark:bg-amber-950">
            <h2 className="font-semibold text-amber-900 dark:text-amber-200">This page shows demo data</h2>
            <p className="mt-1 mb-3 text-sm text-amber-900 dark:text-amber-200">
              The components and the past incident marked as demo are examples. Remove them when you add your own.
            </p>
            {hasPermission(operator.role, "demo:remove") ? (
              <RemoveDemoForm />
            ) : (
              <p className="text-sm text-amber-900 dark:text-amber-200">An admin can remove them.</p>
            )}
          </div>
        )}
        {openIncidents.length > 0 && (
          <Panel title="Open incidents">
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {openIncidents.map((incident) => (
                <li key={incident.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <Link href={`/admin/incidents/${incident.id}`} className="font-semibold text-blue-700 underline dark:text-blue-400">
                    {incident.title}
                  </Link>
                  <span className="flex flex-wrap items-center gap-2 text-slate-700 dark:text-slate-300">
                    <span>{IMPACT_LABELS[incident.impact]} impact ·</span>
                    <UpdateAge iso={incident.lastPublicUpdateAt.toISOString()} renderedAt={renderedAt} />
                  </span>
                </li>
              ))}
            </ul>
          </Panel>
        )}
        {checklist.some((item) => !item.isDone) && (
          <Panel title="Set up your status page">
            <ol className="space-y-3 text-sm">
              {checklist.map((item) => (
                <li key={item.key} className="flex gap-3">
                  <span
                    aria-hidden="true"
                    className={item.isDone ? "text-green-700 dark:text-green-400" : "text-slate-500 dark:text-slate-400"}
                  >
                    {item.isDone ? "✓" : "○"}
                  </span>
                  <span>
                    <Link href={item.href} className="font-semibold text-blue-700 underline dark:text-blue-400">
                      {item.label}
                    </Link>
                    <span className="sr-only">{item.isDone ? " (done)" : " (to do)"}</span>
                    <span className="block text-slate-600 dark:text-slate-300">{item.detail}</span>
                  </span>
                </li>
              ))}
              <li className="flex gap-3">
                <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
                  ○
                </span>
                <span className="min-w-0 flex-1">
                  <span className="font-semibold">Put the sign-in banner on your login page</span>
                  <code className="mt-1 block overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{snippet}</code>
                  <span className="mt-1 flex flex-wrap items-center gap-3">
                    <CopyButton text={snippet} label="Copy the snippet" />
                    <Link href="/admin/banner/snippet" className="text-blue-700 underline dark:text-blue-400">
                      More ways to add it
                    </Link>
                  </span>
                </span>
              </li>
            </ol>
          </Panel>
        )}
        <Panel title="Public status">
          <p className="text-lg font-semibold">{INDICATOR_LABELS[indicator]}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {components.length} visible components, {openIncidents.length} open incidents.{" "}
            <Link href="/" className="text-blue-700 underline dark:text-blue-400">
              Open the status page
            </Link>
          </p>
        </Panel>
      </div>
    </>
  );
}
