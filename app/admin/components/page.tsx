import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { hasPermission } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { listComponentTree } from "@/lib/components/queries";
import { ComponentStatusForm, EditComponentForm, GroupSettings, MoveButtons, NewComponentForm, NewGroupForm } from "./component-forms";

export const metadata: Metadata = { title: "Components" };

export default async function ComponentsPage() {
  const operator = await requirePageAccess("admin:read");
  const canWrite = hasPermission(operator.role, "components:write");
  const tree = await listComponentTree();
  const groups = tree.filter((group) => group.id !== null);
  const groupOptions = groups.map((group) => ({ value: group.id!, label: group.name! }));
  return (
    <>
      <PageHeader
        title="Components"
        description="What the status page lists, in this order. Statuses change with incidents; set one by hand here when needed."
      />
      <div className="space-y-6">
        {tree.map((group) => {
          if (group.id === null && group.components.length === 0) return null;
          const groupIndex = groups.findIndex((item) => item.id === group.id);
          return (
            <Panel key={group.id ?? "ungrouped"}>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  {group.name ?? "Not in a group"}
                  {group.isDemo && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">Demo</span>}
                </h2>
                {canWrite && group.id && (
                  <div className="flex items-center gap-3">
                    <MoveButtons
                      kind="group"
                      id={group.id}
                      name={group.name!}
                      isFirst={groupIndex === 0}
                      isLast={groupIndex === groups.length - 1}
                    />
                    <GroupSettings id={group.id} name={group.name!} />
                  </div>
                )}
              </div>
              {group.components.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No components in this group.</p>}
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {group.components.map((component, index) => (
                  <li key={component.id} className="space-y-2 py-3">
                    <div className="flex flex-wrap items-center justify-between gap-3">
                      <div className="flex items-center gap-3">
                        {canWrite && (
                          <MoveButtons
                            kind="component"
                            id={component.id}
                            name={component.name}
                            isFirst={index === 0}
                            isLast={index === group.components.length - 1}
                          />
                        )}
                        <span className="font-medium">{component.name}</span>
                        {!component.isVisible && <span className="rounded bg-slate-200 px-1.5 text-xs dark:bg-slate-700">Hidden</span>}
                      </div>
                      {canWrite ? <ComponentStatusForm component={component} /> : <StatusBadge status={component.status} />}
                    </div>
                    {canWrite && <EditComponentForm groups={groupOptions} component={component} />}
                  </li>
                ))}
              </ul>
            </Panel>
          );
        })}
        {canWrite && (
          <div className="grid gap-6 lg:grid-cols-2">
            <Panel title="Add a component">
              <NewComponentForm groups={groupOptions} />
            </Panel>
            <Panel title="Groups">
              <NewGroupForm />
            </Panel>
          </div>
        )}
      </div>
    </>
  );
}
