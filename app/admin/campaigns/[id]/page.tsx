import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { countAudience, listAudience } from "@/lib/campaigns/audience";
import { loadCampaignFormOptions } from "@/lib/campaigns/form-options";
import { campaignProgress } from "@/lib/campaigns/progress";
import {
  CAMPAIGN_STATE_LABELS,
  findCampaign,
  listRecipients,
  RECIPIENT_PAGE_SIZE,
  RECIPIENT_STATES,
  type RecipientState,
} from "@/lib/campaigns/queries";
import { CampaignForm } from "../campaign-form";
import { CampaignProgressPanel } from "./progress-panel";
import { ReviewPanel } from "./review-panel";
import { TableHead } from "@/components/table-head";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ state?: string; page?: string }>;
}) {
  const operator = await requirePageAccess("admin:read");
  const { id } = await params;
  const campaign = id.length <= 64 ? await findCampaign(id) : null;
  if (!campaign) notFound();
  const canSend = hasPermission(operator.role, "campaigns:send");
  const header = (
    <PageHeader
      title={campaign.subject}
      description={
        <>
          {CAMPAIGN_STATE_LABELS[campaign.state]} ·{" "}
          <Link href="/admin/campaigns" className="text-blue-700 underline dark:text-blue-400">
            All campaigns
          </Link>
        </>
      }
    />
  );
  if (campaign.state === "draft") {
    const [options, count, members] = await Promise.all([
      loadCampaignFormOptions(),
      countAudience(campaign.audience),
      listAudience(campaign.audience, { limit: 50 }),
    ]);
    return (
      <>
        {header}
        <ReviewPanel
          campaignId={campaign.id}
          recipients={count}
          members={members.map((member) => ({ id: member.id, label: `${member.email}${member.name ? ` (${member.name})` : ""}` }))}
          canSend={canSend}
        />
        {canSend && (
          <div className="mt-8">
            <Panel title="Edit">
              <CampaignForm campaignId={campaign.id} initial={campaign} {...options} />
            </Panel>
          </div>
        )}
      </>
    );
  }
  const query = await searchParams;
  const state = RECIPIENT_STATES.includes(query.state as RecipientState) ? (query.state as RecipientState) : undefined;
  const page = Math.min(Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1), 100_000);
  const [{ rows, total }, progress] = await Promise.all([listRecipients(campaign.id, { state, page }), campaignProgress(campaign.id)]);
  const link = (next: { state?: string; page?: number }) =>
    `/admin/campaigns/${campaign.id}?${new URLSearchParams({ ...(next.state ? { state: next.state } : {}), ...(next.page && next.page > 1 ? { page: String(next.page) } : {}) })}`;
  return (
    <>
      {header}
      <CampaignProgressPanel
        campaignId={campaign.id}
        canControl={canSend}
        renderedDone={progress ? progress.sent + progress.failed + progress.cancelled : 0}
      />
      <div className="mt-6">
        <Panel title="Recipients">
          <nav aria-label="Filter recipients" className="mb-3 flex flex-wrap gap-2 text-sm">
            {[undefined, ...RECIPIENT_STATES].map((option) => (
              <Link
                key={option ?? "all"}
                href={link({ state: option })}
                aria-current={option === state ? "page" : undefined}
                className={`rounded-full border px-3 py-1 ${option === state ? "border-blue-700 bg-blue-50 font-semibold text-blue-900 dark:bg-blue-950 dark:text-blue-100" : "border-slate-300 dark:border-slate-600"}`}
              >
                {option ? option[0]!.toUpperCase() + option.slice(1) : "All"}
              </Link>
            ))}
          </nav>
          <table className="w-full text-left text-sm">
            <TableHead columns={["Email", "State", "Attempts", "Sent / next try", "Last error"]} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <td className="py-1.5 pr-3">{row.email}</td>
                  <td className="py-1.5 pr-3">{row.state === "sent" ? "✓ Sent" : row.state === "failed" ? "✕ Failed" : row.state}</td>
                  <td className="py-1.5 pr-3">{row.attempts}</td>
                  <td className="py-1.5 pr-3">
                    {row.sentAt ? (
                      <LocalTime iso={row.sentAt.toISOString()} />
                    ) : row.nextTryAt ? (
                      <>
                        Next try <LocalTime iso={row.nextTryAt.toISOString()} />
                      </>
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="py-1.5 break-all">{row.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="mt-2 text-sm">No recipient in this state.</p>}
          <div className="mt-3 flex justify-between text-sm">
            {page > 1 ? (
              <Link href={link({ state, page: page - 1 })} className="underline">
                Previous
              </Link>
            ) : (
              <span />
            )}
            <span>{total.toLocaleString("en")} recipients</span>
            {page * RECIPIENT_PAGE_SIZE < total ? (
              <Link href={link({ state, page: page + 1 })} className="underline">
                Next
              </Link>
            ) : (
              <span />
            )}
          </div>
        </Panel>
      </div>
    </>
  );
}
