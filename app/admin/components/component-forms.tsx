"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage, SelectField, TextField, buttonClasses } from "@/components/form-controls";
import type { ActionResult } from "@/lib/action-result";
import { COMPONENT_STATUSES, COMPONENT_STATUS_LABELS } from "@/lib/components/constants";
import type { AdminComponent } from "@/lib/components/queries";
import {
  createComponentAction,
  createGroupAction,
  deleteComponentAction,
  deleteGroupAction,
  moveAction,
  renameGroupAction,
  setComponentStatusAction,
  updateComponentAction,
} from "./actions";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A form bound to an action, showing its result beside it. */
function ActionForm({
  action,
  className,
  children,
  showSuccess = true,
  confirm,
}: {
  action: Action;
  className?: string;
  children: (errors?: Record<string, string[]>, values?: Record<string, string>) => ReactNode;
  showSuccess?: boolean;
  confirm?: string;
}) {
  const [state, formAction] = useActionState<ActionResult | null, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form
      action={formAction}
      className={className}
      noValidate
      onSubmit={
        confirm
          ? (event) => {
              if (!window.confirm(confirm)) event.preventDefault();
            }
          : undefined
      }
    >
      {children(errors, values)}
      <FormMessage state={state && (showSuccess || !state.ok) ? state : null} />
    </form>
  );
}

export type GroupOption = { value: string; label: string };

function ComponentFields({
  groups,
  component,
  errors,
  values,
}: {
  groups: GroupOption[];
  component?: AdminComponent;
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
}) {
  const prefix = component ? `${component.id}-` : "new-";
  return (
    <>
      <TextField
        name="name"
        id={`${prefix}name`}
        label="Name"
        required
        defaultValue={values?.name ?? component?.name}
        errors={errors?.name}
      />
      <TextField
        name="description"
        id={`${prefix}description`}
        label="Description (optional)"
        defaultValue={values?.description ?? component?.description ?? ""}
        errors={errors?.description}
      />
      <SelectField
        name="groupId"
        id={`${prefix}group`}
        label="Group"
        options={[{ value: "", label: "No group" }, ...groups]}
        defaultValue={values?.groupId ?? component?.groupId ?? ""}
        errors={errors?.groupId}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isVisible" defaultChecked={component ? component.isVisible : true} />
        Show on the status page
      </label>
    </>
  );
}

export function NewComponentForm({ groups }: { groups: GroupOption[] }) {
  return (
    <ActionForm action={createComponentAction} className="space-y-3">
      {(errors, values) => (
        <>
          <ComponentFields groups={groups} errors={errors} values={values} />
          <button type="submit" className={buttonClasses.primary}>
            Add component
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function EditComponentForm({ groups, component }: { groups: GroupOption[]; component: AdminComponent }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-blue-700 dark:text-blue-400">Edit</summary>
      <ActionForm action={updateComponentAction} className="mt-2 space-y-3">
        {(errors, values) => (
          <>
            <input type="hidden" name="componentId" value={component.id} />
            <ComponentFields groups={groups} component={component} errors={errors} values={values} />
            <button type="submit" className={buttonClasses.secondary}>
              Save
            </button>
          </>
        )}
      </ActionForm>
      <ActionForm action={deleteComponentAction} className="mt-2" confirm={`Delete ${component.name} and its uptime history?`}>
        {() => (
          <>
            <input type="hidden" name="id" value={component.id} />
            <button type="submit" className="text-sm font-semibold text-red-700 underline dark:text-red-400">
              Delete component
            </button>
          </>
        )}
      </ActionForm>
    </details>
  );
}

export function ComponentStatusForm({ component }: { component: AdminComponent }) {
  return (
    <ActionForm action={setComponentStatusAction} className="flex flex-wrap items-center gap-2">
      {() => (
        <>
          <input type="hidden" name="componentId" value={component.id} />
          <label htmlFor={`status-${component.id}`} className="sr-only">
            Status of {component.name}
          </label>
          <select
            id={`status-${component.id}`}
            name="status"
            defaultValue={component.status}
            key={component.status}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            {COMPONENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {COMPONENT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <button type="submit" className={`${buttonClasses.secondary} px-2 py-1`} aria-label={`Set status of ${component.name}`}>
            Set
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function MoveButtons({
  kind,
  id,
  name,
  isFirst,
  isLast,
}: {
  kind: "component" | "group";
  id: string;
  name: string;
  isFirst: boolean;
  isLast: boolean;
}) {
  return (
    <div className="flex gap-1">
      {(["up", "down"] as const).map((direction) => (
        <ActionForm key={direction} action={moveAction} showSuccess={false}>
          {() => (
            <>
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="direction" value={direction} />
              <button
                type="submit"
                disabled={direction === "up" ? isFirst : isLast}
                className="rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-30 dark:border-slate-600"
                aria-label={`Move ${name} ${direction}`}
              >
                <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
              </button>
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

export function NewGroupForm() {
  return (
    <ActionForm action={createGroupAction} className="flex flex-wrap items-end gap-2">
      {(errors, values) => (
        <>
          <TextField name="name" id="new-group-name" label="New group" defaultValue={values?.name} errors={errors?.name} />
          <button type="submit" className={buttonClasses.secondary}>
            Add group
          </button>
        </>
      )}
    </ActionForm>
  );
}

export function GroupSettings({ id, name }: { id: string; name: string }) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-blue-700 dark:text-blue-400">Rename or delete</summary>
      <ActionForm action={renameGroupAction} className="mt-2 flex flex-wrap items-end gap-2">
        {(errors) => (
          <>
            <input type="hidden" name="groupId" value={id} />
            <TextField name="name" id={`group-${id}`} label="Group name" defaultValue={name} errors={errors?.name} />
            <button type="submit" className={buttonClasses.secondary}>
              Rename
            </button>
          </>
        )}
      </ActionForm>
      <ActionForm action={deleteGroupAction} className="mt-2" confirm={`Delete the group ${name}? Its components stay, ungrouped.`}>
        {() => (
          <>
            <input type="hidden" name="id" value={id} />
            <button type="submit" className="text-sm font-semibold text-red-700 underline dark:text-red-400">
              Delete group
            </button>
          </>
        )}
      </ActionForm>
    </details>
  );
}
