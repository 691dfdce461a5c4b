import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { getPageSettings } from "@/lib/settings/queries";
import { listTimeZones } from "@/lib/settings/schemas";
import { LogoForm } from "./logo-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const operator = await requirePageAccess("admin:read");
  const settings = await getPageSettings();
  const canEdit = hasPermission(operator.role, "settings:write");
  return (
    <>
      <PageHeader title="Settings" description="How the public status page presents itself." />
      <Panel>
        <SettingsForm settings={settings} timeZones={listTimeZones()} canEdit={canEdit} />
      </Panel>
      <Panel title="Logo">
        <div className="space-y-6">
          <LogoForm variant="light" hash={settings.logo.light} canEdit={canEdit} />
          <LogoForm variant="dark" hash={settings.logo.dark} canEdit={canEdit} />
        </div>
      </Panel>
    </>
  );
}
