import type { TextareaHTMLAttributes } from "react";
import { Field } from "./form-controls";

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  errors?: string[];
};

export function TextAreaField({ name, id = name, label, hint, errors, ...textarea }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea
          id={id}
          name={name}
          rows={5}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:border-blue-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-900"
          {...textarea}
        />
      )}
    </Field>
  );
}
