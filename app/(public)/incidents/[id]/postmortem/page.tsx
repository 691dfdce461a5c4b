import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { PostmortemBody } from "@/components/postmortem/postmortem-body";
import { formatDuration } from "@/lib/incidents/format-duration";
import { readPublicSnapshot } from "@/lib/public-snapshot";
import { readPublicIncident } from "@/lib/public-snapshot/pages";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

async function load(id: string) {
  const { snapshot } = await readPublicSnapshot();
  const found = await readPublicIncident(snapshot, id);
  return found?.postmortem ? { incident: found.incident, postmortem: found.postmortem, pageName: snapshot.settings.pageName } : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load((await params).id);
  return { title: found?.postmortem.title ?? "Postmortem not found" };
}

export default async function PublicPostmortemPage({ params }: { params: Params }) {
  const found = await load((await params).id);
  if (!found) notFound();
  const { incident, postmortem, pageName } = found;
  const revised = postmortem.publishedAt.getTime() !== postmortem.firstPublishedAt.getTime();
  return (
    <article className="postmortem-article">
      <p className="no-print text-sm">
        <a href={`/incidents/${incident.id}`} className="text-[var(--brand)] underline underline-offset-2 dark:text-blue-300">
          ← The incident&apos;s updates
        </a>
      </p>
      <p className="mt-3 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Postmortem · {pageName}</p>
      <h1 className="mt-1 text-3xl font-bold">{postmortem.title}</h1>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="sm:col-span-2">
          <dt className="font-semibold">Incident</dt>
          <dd>{incident.title}</dd>
        </div>
        <div>
          <dt className="font-semibold">Started</dt>
          <dd>
            <LocalTime iso={incident.startedAt.toISOString()} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{incident.resolvedAt ? "Resolved" : "Status"}</dt>
          <dd>
            {incident.resolvedAt ? (
              <>
                <LocalTime iso={incident.resolvedAt.toISOString()} /> (
                {formatDuration(incident.resolvedAt.getTime() - incident.startedAt.getTime())})
              </>
            ) : (
              "Ongoing"
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Published</dt>
          <dd>
            <LocalTime iso={postmortem.firstPublishedAt.toISOString()} />
          </dd>
        </div>
        {revised && (
          <div>
            <dt className="font-semibold">Last revised</dt>
            <dd>
              <LocalTime iso={postmortem.publishedAt.toISOString()} />
            </dd>
          </div>
        )}
      </dl>
      <div className="mt-8">
        <PostmortemBody sections={postmortem.sections} actionItems={postmortem.actionItems} />
      </div>
    </article>
  );
}
