"use client";

import { useId, useRef, type ReactNode } from "react";
import { buttonClasses } from "./form-controls";

/**
 * A submit button that asks first, in a modal <dialog> (focus moves into it,
 * Escape cancels). Place it inside the form it submits: the dialog's confirm
 * button is the form's submit button.
 */
export function ConfirmSubmitButton(props: {
  label: ReactNode;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  className: string;
  disabled?: boolean;
  isDanger?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={props.className} disabled={props.disabled} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {props.title}
        </h2>
        <div id={`${id}-body`} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {props.children}
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          <button type="button" className={buttonClasses.secondary} onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button
            type="submit"
            className={props.isDanger ? buttonClasses.danger : buttonClasses.primary}
            onClick={() => dialog.current?.close()}
          >
            {props.confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
