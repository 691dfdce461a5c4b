import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/roles";
import { describeMirror } from "@/lib/mirror/status";
import { PushNowForm } from "./push-now-form";

export const metadata: Metadata = { title: "Static mirror" };

function When({ iso }: { iso: string | null }) {
  return iso ? <LocalTime iso={iso} /> : <>never</>;
}

function formatLag(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5_400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3_600)} h`;
}

export default async function MirrorPage() {
  const operator = await requirePageAccess("admin:read");
  const status = await describeMirror();
  return (
    <>
      <PageHeader
        title="Static mirror"
        description="A copy of every public page, feed and JSON endpoint in an S3-compatible bucket, pushed on every public change, so the status page stays readable when Candor's host is down."
      />
      {!status ? (
        <Panel>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No mirror is configured. Set <code>CANDOR_MIRROR_S3_URL</code>, <code>CANDOR_MIRROR_S3_BUCKET</code> and the key variables (see
            the README), then restart Candor. <code>npm run export -- ./folder</code> writes the same files to a folder.
          </p>
        </Panel>
      ) : (
        <Panel title={status.target}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="font-medium">State</dt>
            <dd>{status.isBehind ? `Behind the live page by ${formatLag(status.lagSeconds)}` : "Up to date"}</dd>
            <dt className="font-medium">Last successful push</dt>
            <dd>
              <When iso={status.lastSuccessAt} />
            </dd>
            <dt className="font-medium">Last push</dt>
            <dd>
              {status.lastPush.uploaded} objects uploaded ({status.lastPush.bytes.toLocaleString("en")} bytes), {status.lastPush.deleted}{" "}
              deleted; {status.objects} in the bucket
            </dd>
            <dt className="font-medium">Last error</dt>
            <dd className={status.lastError ? "text-red-700 dark:text-red-400" : undefined}>
              {status.lastError ? (
                <>
                  {status.lastError} (<When iso={status.lastErrorAt} />)
                </>
              ) : (
                "None"
              )}
            </dd>
          </dl>
          {hasPermission(operator.role, "settings:write") && (
            <div className="mt-5">
              <PushNowForm />
            </div>
          )}
        </Panel>
      )}
    </>
  );
}
