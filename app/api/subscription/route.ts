import { DomainError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { confirmSubscription, unsubscribeByToken, updatePreferences } from "@/lib/subscribers/manage";
import { preferencesSchema } from "@/lib/subscribers/schemas";

function redirect(query: string): Response {
  return new Response(null, {
    status: 303,
    headers: { location: `${getEnv().PUBLIC_URL}/subscription?${query}`, "cache-control": "no-store" },
  });
}

/**
 * The subscription page's plain form POSTs: confirm, save preferences,
 * unsubscribe. Answered with a redirect to the page, which shows the result.
 */
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return redirect("invalid=1");
  }
  const intent = form.get("intent");
  const token = form.get("token");
  try {
    if (intent === "confirm") {
      const { manageToken } = await confirmSubscription(token);
      return redirect(`token=${manageToken}&done=confirmed`);
    }
    if (intent === "save") {
      const input = preferencesSchema.parse({ componentIds: form.getAll("componentIds").filter((value) => typeof value === "string") });
      await updatePreferences(token, input);
      return redirect(`token=${token as string}&done=saved`);
    }
    if (intent === "unsubscribe") {
      await unsubscribeByToken(token, "link");
      return redirect(`token=${token as string}&done=unsubscribed`);
    }
    return redirect("invalid=1");
  } catch (error) {
    if (error instanceof DomainError || (error as Error).name === "ZodError") return redirect("invalid=1");
    throw error;
  }
}
