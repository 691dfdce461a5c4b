"use client";

import { buttonClasses, FormMessage, TextField } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { saveCustomerAction } from "./actions";

export interface CustomerFormValues {
  id: string;
  email: string;
  name: string;
  firstName: string;
  company: string;
  externalId: string;
  plan: string;
  monthlyAmount: string;
  currency: string;
  tags: string;
  componentIds: string[];
}

export function CustomerForm({ components, customer }: { components: { id: string; name: string }[]; customer?: CustomerFormValues }) {
  const { state, formAction, isPending, values } = useActionForm(saveCustomerAction);
  const value = (field: Exclude<keyof CustomerFormValues, "componentIds" | "id">) => values?.[field] ?? customer?.[field] ?? "";
  return (
    <form action={formAction} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {customer && <input type="hidden" name="customerId" value={customer.id} />}
      <TextField name="email" label="Email" type="email" required defaultValue={value("email")} />
      <TextField name="name" label="Name" defaultValue={value("name")} />
      <TextField
        name="firstName"
        label="First name"
        defaultValue={value("firstName")}
        hint="Used for {{first_name}}; empty: the name's first word."
      />
      <TextField name="company" label="Company" defaultValue={value("company")} />
      <TextField
        name="externalId"
        label="Account id"
        defaultValue={value("externalId")}
        hint="Their id in your product; imports match on it."
      />
      <TextField name="plan" label="Plan" defaultValue={value("plan")} />
      <TextField name="monthlyAmount" label="Monthly amount" inputMode="decimal" defaultValue={value("monthlyAmount")} hint="e.g. 49.90" />
      <TextField name="currency" label="Currency" defaultValue={value("currency")} hint="Three letters, e.g. EUR" maxLength={3} />
      <TextField name="tags" label="Tags" defaultValue={value("tags")} hint="Separated by commas" />
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Components they use</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {components.map((component) => (
            <label key={component.id} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="componentIds"
                value={component.id}
                defaultChecked={customer?.componentIds.includes(component.id)}
              />
              {component.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClasses.primary} disabled={isPending}>
          {isPending ? "Saving…" : customer ? "Save customer" : "Add customer"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
