import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const inputClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 " +
  "focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 " +
  "aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-900";

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A label, its control, an optional hint and the field's errors, linked with aria-describedby. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(describedBy, Boolean(errorId))}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A field's error messages, or nothing; `id` is what the control's aria-describedby points at. */
export function FieldError({ id, errors, className = "" }: { id?: string; errors?: string[]; className?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className={`${className ? `${className} ` : ""}text-sm text-red-700 dark:text-red-400`}>
      {errors.join(" ")}
    </p>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name"> & {
  name: string;
  label: string;
  errors?: string[];
};

/**
 * A checkbox inside its label, and its errors (id `<name>-error`). A fragment:
 * the caller decides whether the error sits in the surrounding spacing.
 */
export function CheckboxField({ name, label, ...props }: CheckboxFieldProps) {
  const { errors, ...input } = props;
  const errorId = errors?.length ? `${name}-error` : undefined;
  // A box the server never validates (no `errors` prop at all) carries no aria-invalid, as before the split.
  const invalid = "errors" in props ? Boolean(errorId) : undefined;
  return (
    <>
      <label className="flex items-start gap-2">
        <input type="checkbox" name={name} className="mt-1" aria-invalid={invalid} aria-describedby={errorId} {...input} />
        {label}
      </label>
      <FieldError id={errorId} errors={errors} />
    </>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  /** Defaults to `name`; set it when one page has two fields of the same name. */
  id?: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
};

export function TextField({ name, id = name, label, hint, errors, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} className={inputClasses} {...input} />
      )}
    </Field>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  name: string;
  id?: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  options: readonly { value: string; label: string }[];
};

export function SelectField({ name, id = name, label, hint, errors, options, ...select }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} className={inputClasses} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold shadow-sm " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60";

export const buttonClasses = {
  primary: `${buttonBase} bg-blue-700 text-white hover:bg-blue-800`,
  secondary: `${buttonBase} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`,
  danger: `${buttonBase} bg-red-700 text-white hover:bg-red-800`,
};

/** The form's overall result, announced politely to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={state?.ok ? "text-sm text-green-800 dark:text-green-400" : "text-sm text-red-700 dark:text-red-400"}
    >
      {state?.message ?? ""}
    </p>
  );
}
