"use client";

import { buttonClasses, FormMessage } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import { applyStripeAction, markCreditedAction, sendOfferAction } from "../actions";

export function SendOfferForm({ offerId, recipients }: { offerId: string; recipients: number }) {
  const { state, formAction, isPending } = useActionForm(sendOfferAction);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="offerId" value={offerId} />
      <button type="submit" className={buttonClasses.primary} disabled={isPending || recipients === 0}>
        {isPending ? "Sending…" : `Send the offer to ${recipients.toLocaleString("en")} customer${recipients === 1 ? "" : "s"}`}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** One customer's credit (customerId set) or every accepted one. */
export function MarkCreditedForm({ offerId, customerId, label }: { offerId: string; customerId?: string; label: string }) {
  const { state, formAction, isPending } = useActionForm(markCreditedAction);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      {customerId && <input type="hidden" name="customerId" value={customerId} />}
      <button type="submit" className={buttonClasses.secondary} disabled={isPending}>
        {isPending ? "Marking…" : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function ApplyStripeForm({ offerId }: { offerId: string }) {
  const { state, formAction, isPending } = useActionForm(applyStripeAction);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      <button type="submit" className={buttonClasses.secondary} disabled={isPending}>
        {isPending ? "Queuing…" : "Apply accepted credits in Stripe"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
