import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { TableHead } from "@/components/table-head";
import { requirePageAccess } from "@/lib/auth/session";
import { FORMAT_LABELS } from "@/lib/webhooks/formats";
import { listWebhooks } from "@/lib/webhooks/queries";
import { DISABLE_AFTER_FAILURES } from "@/lib/webhooks/record-delivery";
import { AddWebhookForm, WebhookControls } from "./webhook-forms";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePageAccess("webhooks:manage");
  const webhooks = await listWebhooks();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Every incident, maintenance and postmortem notice is also POSTed to these URLs, retried with backoff for a day. A webhook is disabled after ${DISABLE_AFTER_FAILURES} failed deliveries in a row, and the admins are emailed.`}
      />
      <div className="space-y-6">
        <Panel title="Add a webhook">
          <AddWebhookForm />
        </Panel>
        {webhooks.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">No webhooks yet.</p>}
        {webhooks.map((webhook) => (
          <Panel key={webhook.id} title={webhook.url}>
            <p className="mb-3 text-sm">
              {FORMAT_LABELS[webhook.format]} · <strong>{webhook.isEnabled ? "Enabled" : "Disabled"}</strong>
              {webhook.consecutiveFailures > 0 && ` · ${webhook.consecutiveFailures} failures in a row`}
            </p>
            <WebhookControls webhookId={webhook.id} isEnabled={webhook.isEnabled} url={webhook.url} />
            {webhook.deliveries.length > 0 && (
              <div className="mt-4 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Latest deliveries to {webhook.url}</caption>
                  <TableHead columns={["When", "Event", "Result", "Time", "Answer (first 1 KB)"]} />
                  <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                    {webhook.deliveries.map((delivery) => (
                      <tr key={delivery.id}>
                        <td className="py-2 pr-3 whitespace-nowrap">
                          <LocalTime iso={delivery.createdAt.toISOString()} />
                        </td>
                        <td className="py-2 pr-3 font-mono text-xs">{delivery.event}</td>
                        <td className="py-2 pr-3">
                          {delivery.isSuccess ? "✓ " : "✕ "}
                          {delivery.status ?? "No answer"}
                        </td>
                        <td className="py-2 pr-3">{delivery.responseMs} ms</td>
                        <td className="max-w-xs truncate py-2 font-mono text-xs" title={delivery.response}>
                          {delivery.response || "—"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Panel>
        ))}
      </div>
    </>
  );
}
