import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { TableHead } from "@/components/table-head";
import { listAlertRules } from "@/lib/alerts/queries";
import { requirePageAccess } from "@/lib/auth/session";
import { COMPONENT_STATUS_LABELS } from "@/lib/components/constants";
import { listComponentTree } from "@/lib/components/queries";
import { IMPACT_LABELS } from "@/lib/incidents/constants";
import { CreateAlertRuleForm, DeleteAlertRuleForm } from "./rule-forms";

export const metadata: Metadata = { title: "Alert rules" };

const pairs = (record: Record<string, string>) =>
  Object.entries(record)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");

export default async function AlertRulesPage() {
  await requirePageAccess("alert-rules:manage");
  const [rules, tree] = await Promise.all([listAlertRules(), listComponentTree()]);
  const components = tree.flatMap((group) => group.components.map((component) => ({ id: component.id, name: component.name })));
  const names = new Map(components.map((component) => [component.id, component.name]));
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="Alerts posted to /api/v1/alerts/… become drafts. The first rule whose labels match decides the draft's components and impact."
      />
      <div className="space-y-6">
        <Panel title="Rules, tried in order">
          {rules.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No rules: alerts become drafts without components.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Alert rules</caption>
                <TableHead columns={["Name", "Labels", "Components", "Severity to impact", "Publishes", { hidden: "Actions" }]} />
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {rules.map((rule) => (
                    <tr key={rule.id}>
                      <td className="py-2 pr-3 font-medium">{rule.name}</td>
                      <td className="py-2 pr-3 font-mono text-xs">{pairs(rule.matchLabels) || "every alert"}</td>
                      <td className="py-2 pr-3">
                        {rule.componentIds.map((id) => names.get(id) ?? "a removed component").join(", ") || "none"} (
                        {COMPONENT_STATUS_LABELS[rule.componentStatus]})
                      </td>
                      <td className="py-2 pr-3 font-mono text-xs">
                        {pairs(rule.severityImpacts)} · else {IMPACT_LABELS[rule.defaultImpact]}
                      </td>
                      <td className="py-2 pr-3">{rule.isAutoPublish ? "Automatically" : "After a person checks"}</td>
                      <td className="py-2">
                        <DeleteAlertRuleForm ruleId={rule.id} name={rule.name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
        <Panel title="Add a rule">
          <CreateAlertRuleForm components={components} />
        </Panel>
      </div>
    </>
  );
}
