import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { IncidentStatusLabel } from "@/components/status/incident-status-label";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { listIncidentTemplates } from "@/lib/incidents/templates";
import { CreateTemplateForm, DeleteTemplateForm } from "./template-forms";

export const metadata: Metadata = { title: "Incident templates" };

export default async function TemplatesPage() {
  const operator = await requirePageAccess("admin:read");
  const templates = await listIncidentTemplates();
  const canWrite = hasPermission(operator.role, "incidents:write");
  return (
    <>
      <PageHeader title="Incident templates" description="Saved titles and messages that fill the declare and update forms in one click." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Templates">
          {templates.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No templates yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {templates.map((template) => (
                <li key={template.id} className="py-3 text-sm">
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-medium">{template.name}</span>
                    {canWrite && <DeleteTemplateForm id={template.id} name={template.name} />}
                  </div>
                  <p className="mt-1 flex items-center gap-2 text-slate-600 dark:text-slate-400">
                    <IncidentStatusLabel status={template.status} /> {template.title}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        {canWrite && (
          <Panel title="New template">
            <CreateTemplateForm />
          </Panel>
        )}
      </div>
    </>
  );
}
