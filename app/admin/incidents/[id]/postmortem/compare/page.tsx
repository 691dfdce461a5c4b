import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/form-controls";
import { PageHeader, Panel } from "@/components/page-header";
import { RevisionDiff } from "@/components/postmortem/revision-diff";
import { requirePageAccess } from "@/lib/auth/session";
import { compareContents } from "@/lib/postmortems/compare";
import { findPostmortem, findRevision } from "@/lib/postmortems/queries";
import { compareQuerySchema } from "@/lib/postmortems/schemas";

export const metadata: Metadata = { title: "Compare revisions" };

export default async function CompareRevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageAccess("admin:read");
  const { id } = await params;
  const postmortem = id.length <= 64 ? await findPostmortem(id) : null;
  if (!postmortem) notFound();
  const query = compareQuerySchema.safeParse(await searchParams);
  const from = query.success ? await findRevision(id, query.data.from) : null;
  const to = query.success ? await findRevision(id, query.data.to) : null;
  const problem = !query.success
    ? query.error.issues.map((issue) => issue.message).join(" ")
    : !from || !to
      ? `This postmortem has revisions 1 to ${postmortem.currentRevision}; choose two of those.`
      : null;
  const selectClasses = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  const options = postmortem.revisions.map((revision) => (
    <option key={revision.number} value={revision.number}>
      {revision.number} · {revision.authorName ?? "removed operator"} · {revision.createdAt.toISOString().slice(0, 16).replace("T", " ")}{" "}
      UTC
    </option>
  ));
  return (
    <>
      <PageHeader
        title="Compare revisions"
        description={
          <Link href={`/admin/incidents/${id}/postmortem`} className="text-blue-700 underline dark:text-blue-400">
            Back to the postmortem
          </Link>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">From revision</span>
          <select name="from" defaultValue={query.success ? query.data.from : 1} className={selectClasses}>
            {options}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">To revision</span>
          <select name="to" defaultValue={query.success ? query.data.to : postmortem.currentRevision} className={selectClasses}>
            {options}
          </select>
        </label>
        <button type="submit" className={buttonClasses.secondary}>
          Compare
        </button>
      </form>
      {problem || !from || !to ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {problem}
        </p>
      ) : (
        <Panel title={`Revision ${from.number} → revision ${to.number}`}>
          <RevisionDiff
            fields={compareContents(from.content, to.content, { before: `revision ${from.number}`, after: `revision ${to.number}` })}
          />
        </Panel>
      )}
    </>
  );
}
