import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { listMailbox } from "@/lib/outbox/mailbox";
import { TableHead } from "@/components/table-head";

export const metadata: Metadata = { title: "Dev mailbox" };

export default async function MailboxPage() {
  // The dev mailbox holds messages with recipients' real unsubscribe links: for those who may send campaigns.
  await requirePageAccess("campaigns:send");
  const messages = await listMailbox();
  const smtp = Boolean(getEnv().SMTP_URL);
  return (
    <>
      <PageHeader
        title="Dev mailbox"
        description={
          smtp
            ? "SMTP_URL is set, so messages are delivered; this mailbox keeps what was sent before it was."
            : "No SMTP_URL is set: every message Candor sends lands here instead, exactly as the recipient would see it. Nothing here was delivered."
        }
      />
      <Panel>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">Empty.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={["To", "Subject", "Kept", "Delivery"]} />
            <tbody>
              {messages.map((message) => (
                <tr key={message.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1.5 pr-3">{message.to}</td>
                  <td className="py-1.5 pr-3">
                    <Link href={`/admin/mailbox/${message.id}`} className="text-blue-700 underline dark:text-blue-400">
                      {message.subject}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3">
                    <LocalTime iso={message.createdAt.toISOString()} />
                  </td>
                  <td className="py-1.5">Not delivered</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
