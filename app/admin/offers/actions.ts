"use server";

import { z } from "zod";
import { formDataOf, type ActionResult } from "@/lib/action-result";
import { parseAccountList } from "@/lib/campaigns/account-list";
import { getEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { applyCreditsInStripe } from "@/lib/offers/apply-in-stripe";
import { createOfferDraft } from "@/lib/offers/create-offer";
import { markCredited } from "@/lib/offers/mark-credited";
import { offerDraftSchema, offerIdSchema } from "@/lib/offers/schemas";
import { sendOffer } from "@/lib/offers/send-offer";
import { pokeOutboxWorker } from "@/lib/outbox/run-worker";
import { runAction } from "../run-action";

function offerInput(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "");
  const all = (name: string) => formData.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");
  const choice = (number: 1 | 2) => ({
    kind: text(`choice${number}Kind`),
    value: text(`choice${number}Value`),
    fixed: text(`choice${number}Fixed`),
    cap: text(`choice${number}Cap`),
  });
  return {
    incidentId: text("incidentId"),
    choices: text("choice2Kind") === "none" || text("choice2Kind") === "" ? [choice(1)] : [choice(1), choice(2)],
    hasCommentBox: formData.get("hasCommentBox") === "on",
    deadline: text("deadline"),
    subject: text("subject"),
    body: text("body"),
    audience: { componentIds: all("componentIds"), plans: all("plans"), tags: all("tags"), accounts: parseAccountList(text("accounts")) },
  };
}

export async function createOfferAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: offerDraftSchema,
    formData,
    input: offerInput(formData),
    permission: "campaigns:send",
    work: (operator, input) => createOfferDraft(operator, input),
    message: "Saved.",
    revalidate: [],
    redirectTo: ({ id }) => `/admin/offers/${id}`,
  });
}

export async function sendOfferAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: offerIdSchema,
    formData,
    permission: "campaigns:send",
    work: async (operator, { offerId }) => {
      const sent = await sendOffer(operator, { offerId });
      pokeOutboxWorker();
      return sent;
    },
    message: "Sent.",
    revalidate: [],
    redirectTo: () => `/admin/offers/${String(formData.get("offerId"))}?sent=1`,
  });
}

const creditSchema = offerIdSchema.extend({
  customerId: z.string().max(64).optional(),
  reference: z.string().trim().max(200, "Keep the reference under 200 characters.").optional(),
});

export async function markCreditedAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: creditSchema,
    formData,
    input: {
      offerId: formData.get("offerId"),
      customerId: formData.get("customerId") || undefined,
      reference: formData.get("reference") || undefined,
    },
    permission: "campaigns:send",
    work: (operator, input) => markCredited(operator, input),
    message: "Marked as credited.",
    revalidate: [`/admin/offers/${String(formData.get("offerId"))}`],
  });
}

export async function applyStripeAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: offerIdSchema,
    formData,
    permission: "campaigns:send",
    work: async (operator, input) => {
      if (!getEnv().STRIPE_SECRET_KEY) throw new ValidationError("Stripe is not set up: set STRIPE_SECRET_KEY and restart Candor.");
      const applied = await applyCreditsInStripe(operator, input);
      pokeOutboxWorker();
      return applied;
    },
    message: "Queued: each credit is sent to Stripe by the outbox; results appear below.",
    revalidate: [`/admin/offers/${String(formData.get("offerId"))}`],
  });
}
