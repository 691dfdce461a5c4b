import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { findMailboxMessage } from "@/lib/outbox/mailbox";

export const metadata: Metadata = { title: "Message" };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  // The dev mailbox holds messages with recipients' real unsubscribe links: for those who may send campaigns.
  await requirePageAccess("campaigns:send");
  const { id } = await params;
  const message = id.length <= 64 ? await findMailboxMessage(id) : null;
  if (!message) notFound();
  return (
    <>
      <PageHeader
        title={message.subject}
        description={
          <>
            <span className="font-semibold text-amber-800 dark:text-amber-300">⚠ Not delivered</span> (no SMTP_URL) · To {message.to} ·{" "}
            <Link href="/admin/mailbox" className="text-blue-700 underline dark:text-blue-400">
              Dev mailbox
            </Link>
          </>
        }
      />
      <Panel>
        <iframe
          title="Message as the recipient sees it"
          sandbox=""
          srcDoc={message.html}
          className="h-[40rem] w-full rounded border border-slate-200 bg-white"
        />
      </Panel>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Panel title="Plain text">
          <pre className="text-xs whitespace-pre-wrap">{message.text}</pre>
        </Panel>
        <Panel title="Headers">
          <dl className="space-y-1 text-xs">
            {Object.entries(message.headers).map(([name, value]) => (
              <div key={name}>
                <dt className="inline font-semibold">{name}: </dt>
                <dd className="inline break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      </div>
    </>
  );
}
