import { DomainError } from "@/lib/errors";
import { escapeHtml } from "@/lib/email/personalise";
import { answerOffer } from "@/lib/offers/respond";
import { responseFormSchema } from "@/lib/offers/schemas";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

/** A small page for a refused answer: works without JavaScript, says what to do, links back. */
function refused(status: number, message: string, token: string): Response {
  const back = /^[0-9a-f]{64}$/.test(token) ? `<p><a href="/offers/${token}">Back to your offer</a></p>` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Your answer was not recorded</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color-scheme:light dark}</style></head><body><main><h1>Your answer was not recorded</h1><p role="alert">${escapeHtml(message)}</p>${back}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", ...NO_STORE } });
}

/** The offer page's form posts here. The token never goes to a log: errors are logged without the address. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refused(400, "The form could not be read. Open the link in the email again and choose there.", token);
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const parsed = responseFormSchema.safeParse({ choice: field("choice"), comment: field("comment"), formToken: field("formToken") });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    if (field === "formToken")
      return refused(403, "This answer did not come from your offer page. Open the link in the email again.", token);
    return refused(422, field === "comment" ? "Keep the comment under 2,000 characters." : "Choose one of the options on the page.", token);
  }
  try {
    await answerOffer({ token, ...parsed.data });
  } catch (error) {
    if (error instanceof DomainError) return refused(error.status, error.message, token);
    console.error("candor: recording an offer answer failed:", error instanceof Error ? error.message.split("\n")[0] : "unknown error");
    return refused(503, "We could not record your answer just now. Please try again in a minute.", token);
  }
  return new Response(null, { status: 303, headers: { location: `/offers/${token}/thanks`, ...NO_STORE } });
}
