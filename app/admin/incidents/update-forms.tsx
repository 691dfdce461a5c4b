"use client";

import { useActionForm } from "@/components/use-action-form";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";
import { TextAreaField } from "@/components/form-textarea";
import { addNoteAction, deleteUpdateAction, editUpdateAction, extendMaintenanceAction } from "./actions";

export function AddNoteForm({ incidentId }: { incidentId: string }) {
  const { state, formAction, isPending, errors, values } = useActionForm(addNoteAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="incidentId" value={incidentId} />
      <TextAreaField
        name="message"
        id="note-message"
        label="Note (operators only)"
        rows={3}
        required
        defaultValue={values?.message}
        errors={errors?.message}
        hint="Only operators see notes: never the status page, feeds, the API or email."
      />
      <TextField
        name="publishedAt"
        id="note-time"
        label="Time of the note (UTC)"
        type="datetime-local"
        defaultValue={values?.publishedAt}
        errors={errors?.publishedAt}
      />
      <FormMessage state={state} />
      <button type="submit" className={buttonClasses.secondary} disabled={isPending}>
        {isPending ? "Adding…" : "Add internal note"}
      </button>
    </form>
  );
}

export function EditUpdateForm({ updateId, message }: { updateId: string; message: string }) {
  const { state, formAction, isPending, errors } = useActionForm(editUpdateAction);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs font-semibold text-blue-700 dark:text-blue-400">Edit text</summary>
      <form action={formAction} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="updateId" value={updateId} />
        <TextAreaField
          name="message"
          id={`edit-${updateId}`}
          label="Corrected text"
          rows={3}
          defaultValue={message}
          errors={errors?.message}
        />
        <button type="submit" className={`${buttonClasses.secondary} px-3 py-1`} disabled={isPending}>
          Save text
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

export function DeleteUpdateForm({ updateId }: { updateId: string }) {
  const { state, formAction, isPending } = useActionForm(deleteUpdateAction);
  return (
    <form
      action={formAction}
      className="mt-1"
      onSubmit={(event) => {
        if (!window.confirm("Delete this entry? The audit log keeps a copy.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="updateId" value={updateId} />
      <button type="submit" className="text-xs font-semibold text-red-700 underline dark:text-red-400" disabled={isPending}>
        Delete
      </button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}

export function ExtendMaintenanceForm({ incidentId, scheduledEnd }: { incidentId: string; scheduledEnd: string }) {
  const { state, formAction, isPending, errors } = useActionForm(extendMaintenanceAction);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="incidentId" value={incidentId} />
      <TextField
        name="scheduledEnd"
        id="extend-end"
        label="Window ends (UTC)"
        type="datetime-local"
        defaultValue={scheduledEnd}
        errors={errors?.scheduledEnd}
      />
      <button type="submit" className={buttonClasses.secondary} disabled={isPending}>
        Change end
      </button>
      <FormMessage state={state} />
    </form>
  );
}
