import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { Panel } from "@/components/page-header";
import type { PostmortemDetail } from "@/lib/postmortems/queries";
import { RestoreRevisionForm } from "./restore-revision-form";
import { TableHead } from "@/components/table-head";

const VISIBLE = 30;

/** Every revision, newest first: compare any with the current one, restore any. */
export function RevisionList({
  incidentId,
  postmortem,
  canRestore,
}: {
  incidentId: string;
  postmortem: PostmortemDetail;
  canRestore: boolean;
}) {
  const base = `/admin/incidents/${incidentId}/postmortem/compare`;
  const shown = postmortem.revisions.slice(0, VISIBLE);
  return (
    <Panel title={`Revisions (${postmortem.revisions.length})`}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
        Every save is a revision and none is ever changed.{" "}
        <Link href={`${base}?from=1&to=${postmortem.currentRevision}`} className="text-blue-700 underline dark:text-blue-400">
          Compare any two
        </Link>
        .
      </p>
      <table className="w-full text-left text-sm">
        <TableHead columns={["Revision", "Saved", "By", "Note", { hidden: "Actions" }]} />
        <tbody>
          {shown.map((revision) => (
            <tr key={revision.number} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="py-2 pr-3 font-medium whitespace-nowrap">
                {revision.number}
                {revision.number === postmortem.currentRevision && (
                  <span className="ml-1 font-normal text-slate-500 dark:text-slate-400"> (current)</span>
                )}
                {revision.number === postmortem.publishedRevision && (
                  <span className="ml-1 font-normal text-green-800 dark:text-green-400"> (published)</span>
                )}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                <LocalTime iso={revision.createdAt.toISOString()} />
              </td>
              <td className="py-2 pr-3">{revision.authorName ?? "A removed operator"}</td>
              <td className="py-2 pr-3">{revision.note ?? ""}</td>
              <td className="py-2">
                {revision.number !== postmortem.currentRevision && (
                  <div className="flex flex-wrap items-center justify-end gap-2">
                    <Link
                      href={`${base}?from=${revision.number}&to=${postmortem.currentRevision}`}
                      className="text-blue-700 underline dark:text-blue-400"
                    >
                      Compare with current<span className="sr-only"> (revision {revision.number})</span>
                    </Link>
                    {canRestore && (
                      <RestoreRevisionForm incidentId={incidentId} revision={revision.number} baseRevision={postmortem.currentRevision} />
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {postmortem.revisions.length > VISIBLE && (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {postmortem.revisions.length - VISIBLE} older revisions: open them through “Compare any two”.
        </p>
      )}
    </Panel>
  );
}
