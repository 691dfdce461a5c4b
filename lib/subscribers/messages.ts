// The emails subscribers receive, compiled from emails/subscriber_*.mjml.
import type { TransactionClient } from "../db";
import { brandingOf, compileMessage, type Branding, type CompiledMessage } from "../email/templates";
import { getPageSettings } from "../settings/queries";

export async function readBranding(db?: TransactionClient): Promise<Branding> {
  return brandingOf(await getPageSettings(db));
}

/** The confirmation email: one link, nothing else (the address has not said yes yet). */
export async function confirmationMessage(branding: Branding, link: string): Promise<CompiledMessage> {
  const message = await compileMessage("subscriber_confirmation", {
    subject: `Confirm your subscription to ${branding.pageName}`,
    body: [
      `Someone (we hope you) asked to receive ${branding.pageName}'s incident and maintenance notices at this address.`,
      "Confirm with the button below. The link works for 48 hours; if you did not ask, ignore this email and you will hear nothing more.",
    ].join("\n\n"),
    linkUrl: link,
    buttonLabel: "Confirm my subscription",
    branding,
  });
  return { ...message, text: message.text.replace(/\nUnsubscribe: \{\{unsubscribe_url\}\}$/, "") };
}

/** Sent instead of a confirmation when the address is already confirmed: the same answer on the page, a useful one here. */
export async function alreadySubscribedMessage(branding: Branding, link: string): Promise<CompiledMessage> {
  const message = await compileMessage("subscriber_confirmation", {
    subject: `You are subscribed to ${branding.pageName}`,
    body: `Someone asked to subscribe this address to ${branding.pageName}'s notices. It already receives them: nothing changed. To choose components or unsubscribe, open your preferences.`,
    linkUrl: link,
    buttonLabel: "Open my preferences",
    branding,
  });
  return { ...message, text: message.text.replace(/\nUnsubscribe: \{\{unsubscribe_url\}\}$/, "") };
}
