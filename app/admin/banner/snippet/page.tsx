import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { getPageSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Banner snippet" };

function Code({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-xs text-slate-100">{children}</pre>;
}

export default async function SnippetPage() {
  await requirePageAccess("admin:read");
  const { effectivePublicUrl: base } = await getPageSettings();
  return (
    <>
      <PageHeader
        title="Add the banner to your login page"
        description="One tag. It draws the banner in its own Shadow DOM, so your page's CSS and Candor's cannot touch each other."
      />
      <div className="space-y-6">
        <Panel title="The tag">
          <Code>{`<script src="${base}/embed/banner.js" async></script>`}</Code>
          <dl className="mt-4 space-y-2 text-sm">
            <div>
              <dt className="inline font-semibold">data-position=&quot;top&quot;</dt>{" "}
              <dd className="inline">(default) the banner is the first thing in the page&apos;s body.</dd>
            </div>
            <div>
              <dt className="inline font-semibold">data-position=&quot;inline&quot;</dt>{" "}
              <dd className="inline">
                where the tag is, or inside the element named by <code>data-target=&quot;#login-notice&quot;</code>.
              </dd>
            </div>
            <div>
              <dt className="inline font-semibold">data-interval=&quot;60&quot;</dt>{" "}
              <dd className="inline">seconds between checks for a new version (at least 15).</dd>
            </div>
          </dl>
        </Panel>
        <Panel title="Content Security Policy">
          <p className="mb-2 text-sm">
            With a strict CSP, allow Candor&apos;s origin for the script and its request; no inline script or style is needed:
          </p>
          <Code>{`script-src 'self' ${base}; connect-src 'self' ${base}`}</Code>
        </Panel>
        <Panel title="React">
          <Code>{`// In your login page component (Next.js: next/script works the same way)
useEffect(() => {
  const script = document.createElement("script");
  script.src = "${base}/embed/banner.js";
  script.async = true;
  script.dataset.position = "top";
  document.body.appendChild(script);
  return () => script.remove();
}, []);`}</Code>
        </Panel>
        <Panel title="Behaviour">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>Readers can dismiss a version; a new version shows again.</li>
            <li>Critical banners are announced as alerts; others politely.</li>
            <li>
              If Candor is unreachable or answers with anything unexpected, the script does nothing: your login page is never broken or
              slowed.
            </li>
            <li>
              The JSON behind it is public: <code>{`GET ${base}/api/banner`}</code>.
            </li>
          </ul>
        </Panel>
      </div>
    </>
  );
}
