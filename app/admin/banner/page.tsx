import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { BANNER_SEVERITY_LABELS, bannerSeverityForImpact } from "@/lib/banner/constants";
import { listBannerVersions } from "@/lib/banner/queries";
import { BANNER_FIELD_LABELS, describeChanges, isBannerVisible, type BannerVersionView } from "@/lib/banner/visibility";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { findIncidentForOperators, listIncidentsForOperators } from "@/lib/incidents/queries";
import { getPageSettings } from "@/lib/settings/queries";
import { toUtcInputValue } from "../incidents/component-choices";
import { BannerForm, ClearBannerForm, RepublishForm, type BannerFormDefaults } from "./banner-forms";

export const metadata: Metadata = { title: "Sign-in banner" };

export default async function BannerPage({ searchParams }: { searchParams: Promise<{ incident?: string }> }) {
  const operator = await requirePageAccess("admin:read");
  const canWrite = hasPermission(operator.role, "banner:write");
  const { incident: incidentParam } = await searchParams;
  const [versions, incidents, fromIncident, settings] = await Promise.all([
    listBannerVersions(),
    listIncidentsForOperators(),
    incidentParam && incidentParam.length <= 64 ? findIncidentForOperators(incidentParam) : null,
    getPageSettings(),
  ]);
  const current = versions[0] ?? null;
  const now = new Date();
  const isShowing = isBannerVisible(current, now);
  const defaults: BannerFormDefaults = fromIncident
    ? {
        message: `We are working on an issue: **${fromIncident.title}**.`,
        severity: bannerSeverityForImpact(fromIncident.impact),
        linkUrl: "",
        linkLabel: "",
        startsAt: "",
        endsAt: "",
        incidentId: fromIncident.id,
      }
    : current && !current.isCleared
      ? {
          message: current.message ?? "",
          severity: current.severity ?? "info",
          linkUrl: current.linkUrl ?? "",
          linkLabel: current.linkLabel ?? "",
          startsAt: current.startsAt ? toUtcInputValue(current.startsAt) : "",
          endsAt: current.endsAt ? toUtcInputValue(current.endsAt) : "",
          incidentId: current.incidentId ?? "",
        }
      : { message: "", severity: "warning", linkUrl: "", linkLabel: "", startsAt: "", endsAt: "", incidentId: "" };
  const incidentChoices = [...incidents.open, ...incidents.closed.slice(0, 20)].map((incident) => ({
    id: incident.id,
    title: incident.title,
  }));
  return (
    <>
      <PageHeader title="Sign-in banner" description="The message your own product shows on its login page.">
        <Link href="/admin/banner/snippet" className="text-sm text-blue-700 underline dark:text-blue-400">
          How to add it to your login page
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Panel title="Now">
          <p role="status" className="text-sm">
            {describeCurrent(current, isShowing, now)}
          </p>
          {canWrite && current && !current.isCleared && (
            <div className="mt-3">
              <ClearBannerForm message={current.message ?? ""} />
            </div>
          )}
        </Panel>
        {canWrite && (
          <Panel title={current && !current.isCleared ? "Amend the banner" : "Publish a banner"}>
            <BannerForm
              defaults={defaults}
              incidents={incidentChoices}
              isAmendment={Boolean(current && !current.isCleared)}
              publicUrl={settings.effectivePublicUrl}
            />
          </Panel>
        )}
        <Panel title="History">
          {versions.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No banner has been published yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100 dark:divide-slate-800">
              {versions.map((version, index) => (
                <li key={version.id} className="py-3 text-sm">
                  <p>
                    <span className="font-semibold">Version {version.version}</span> ·{" "}
                    {version.isCleared ? "cleared" : BANNER_SEVERITY_LABELS[version.severity!]} ·{" "}
                    {version.authorName ?? "Someone since removed"} · <LocalTime iso={version.createdAt.toISOString()} />
                  </p>
                  {!version.isCleared && (
                    <ul className="mt-1 space-y-0.5 text-slate-700 dark:text-slate-300">
                      {describeChanges(previousShown(versions, index), version).map((change) => (
                        <li key={change.field}>
                          <span className="font-medium">{BANNER_FIELD_LABELS[change.field]}:</span> {change.from ?? "—"} →{" "}
                          {change.to ?? "—"}
                        </li>
                      ))}
                    </ul>
                  )}
                  {canWrite && !version.isCleared && index > 0 && <RepublishForm versionId={version.id} version={version.version} />}
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </div>
    </>
  );
}

/** The last version before `index` that showed a message: what an amendment changed from. */
function previousShown(versions: BannerVersionView[], index: number): BannerVersionView | null {
  const previous = versions[index + 1];
  return previous && !previous.isCleared ? previous : null;
}

function describeCurrent(current: BannerVersionView | null, isShowing: boolean, now: Date): string {
  if (!current) return "No banner. Login pages show nothing.";
  if (current.isCleared) return `Cleared (version ${current.version}). Login pages show nothing.`;
  if (isShowing) return `Showing version ${current.version}: “${current.message}”`;
  if (current.startsAt && current.startsAt > now)
    return `Version ${current.version} is scheduled; it appears at ${current.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`;
  return `Version ${current.version}'s schedule has ended. Login pages show nothing.`;
}
