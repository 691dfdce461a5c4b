import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { findIncidentForOperators } from "@/lib/incidents/queries";
import { internalNoteLine } from "@/lib/postmortems/prefill";
import { findPostmortem } from "@/lib/postmortems/queries";
import { getPageSettings } from "@/lib/settings/queries";
import { PostmortemEditor } from "./postmortem-editor";
import { RevisionList } from "./revision-list";
import { StartPostmortemForm } from "./start-postmortem-form";

export const metadata: Metadata = { title: "Postmortem" };

export default async function PostmortemPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ restored?: string }>;
}) {
  const operator = await requirePageAccess("admin:read");
  const { id } = await params;
  const incident = id.length <= 64 ? await findIncidentForOperators(id) : null;
  if (!incident || incident.kind !== "incident") notFound();
  const [postmortem, settings, { restored }] = await Promise.all([findPostmortem(id), getPageSettings(), searchParams]);
  const canWrite = hasPermission(operator.role, "postmortems:write");
  const back = (
    <Link href={`/admin/incidents/${incident.id}`} className="text-blue-700 underline dark:text-blue-400">
      {incident.title}
    </Link>
  );
  if (!postmortem) {
    return (
      <>
        <PageHeader title="Postmortem" description={back} />
        <Panel title="No postmortem yet">
          <p className="mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
            Candor drafts it from this incident: the impact window in UTC and {settings.timeZone}, the affected components, and the timeline
            from the public updates. Internal notes stay out unless you add them one by one.
          </p>
          {canWrite ? (
            <StartPostmortemForm incidentId={incident.id} />
          ) : (
            <p className="text-sm">Only responders and admins can start one.</p>
          )}
        </Panel>
      </>
    );
  }
  const internalNotes = incident.updates
    .filter((update) => update.isInternal)
    .reverse()
    .map((note) => ({
      id: note.id,
      line: internalNoteLine(note, settings.timeZone),
      at: note.publishedAt.toISOString(),
      authorName: note.authorName,
      message: note.message,
    }));
  return (
    <>
      <PageHeader title="Postmortem" description={back}>
        {postmortem.publishedRevision !== null && (
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <a href={`/incidents/${incident.id}/postmortem`} className="text-blue-700 underline dark:text-blue-400">
              Public page
            </a>
            {hasPermission(operator.role, "campaigns:send") && (
              <Link
                href={`/admin/campaigns/new?incident=${incident.id}&kind=postmortem`}
                className="text-blue-700 underline dark:text-blue-400"
              >
                Send to customers…
              </Link>
            )}
            {hasPermission(operator.role, "campaigns:send") && (
              <Link href={`/admin/incidents/${incident.id}/make-good`} className="text-blue-700 underline dark:text-blue-400">
                Send to customers with a credit offer…
              </Link>
            )}
          </div>
        )}
      </PageHeader>
      {restored && (
        <p
          role="status"
          className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          Revision {restored.slice(0, 10)} restored as revision {postmortem.currentRevision}; nothing after it was lost.
        </p>
      )}
      <PostmortemEditor
        incidentId={incident.id}
        content={postmortem.current.content}
        revision={postmortem.currentRevision}
        editable={canWrite && postmortem.state !== "published"}
        internalNotes={internalNotes}
        workflow={{
          state: postmortem.state,
          publishedRevision: postmortem.publishedRevision,
          requireApproval: settings.requirePostmortemApproval,
          submittedBy: postmortem.submittedBy,
          approvedRevision: postmortem.approvedRevision,
          approvedByName: postmortem.approvedBy?.name ?? null,
          operatorId: operator.id,
          canWrite,
        }}
      />
      <div className="mt-8">
        <RevisionList incidentId={incident.id} postmortem={postmortem} canRestore={canWrite && postmortem.state !== "published"} />
      </div>
    </>
  );
}
