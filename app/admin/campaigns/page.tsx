import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { buttonClasses } from "@/components/form-controls";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { CAMPAIGN_STATE_LABELS } from "@/lib/campaigns/queries";
import { TableHead } from "@/components/table-head";

export const metadata: Metadata = { title: "Email campaigns" };

export default async function CampaignsPage() {
  const operator = await requirePageAccess("admin:read");
  const campaigns = await listCampaigns();
  return (
    <>
      <PageHeader title="Email campaigns" description="Incident notices and postmortems, sent to the customers who were affected.">
        {hasPermission(operator.role, "campaigns:send") && (
          <Link href="/admin/campaigns/new" className={buttonClasses.primary}>
            New campaign
          </Link>
        )}
      </PageHeader>
      <Panel>
        {campaigns.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No campaigns yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={["Subject", "State", "Recipients", "Sent", "Failed", "Created"]} />
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-2 pr-3">
                    <Link href={`/admin/campaigns/${campaign.id}`} className="font-medium text-blue-700 underline dark:text-blue-400">
                      {campaign.subject}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{CAMPAIGN_STATE_LABELS[campaign.state]}</td>
                  <td className="py-2 pr-3">{campaign.recipients.toLocaleString("en")}</td>
                  <td className="py-2 pr-3">{campaign.sent.toLocaleString("en")}</td>
                  <td className="py-2 pr-3">{campaign.failed.toLocaleString("en")}</td>
                  <td className="py-2">
                    <LocalTime iso={campaign.createdAt.toISOString()} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
