import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { DomainError, RateLimitedError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import type { SubscribeErrorCode } from "@/lib/subscribers/page-messages";
import { subscribeSchema } from "@/lib/subscribers/schemas";
import { subscribe } from "@/lib/subscribers/subscribe";

function redirect(path: string): Response {
  return new Response(null, { status: 303, headers: { location: `${getEnv().PUBLIC_URL}${path}`, "cache-control": "no-store" } });
}

function failed(code: SubscribeErrorCode): Response {
  return redirect(`/subscribe?error=${code}`);
}

// The subscribe form's plain POST (no JavaScript needed): answered with a
// redirect to a cached page, so nothing per visitor is ever rendered.
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failed("invalid_email");
  }
  const parsed = subscribeSchema.safeParse({
    email: form.get("email") ?? "",
    componentIds: form.getAll("componentIds").filter((value) => typeof value === "string"),
  });
  if (!parsed.success)
    return failed(parsed.error.issues.some((issue) => issue.path[0] === "email") ? "invalid_email" : "unknown_component");
  try {
    await subscribe({ ...parsed.data, clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown" });
  } catch (error) {
    if (error instanceof RateLimitedError) return failed("rate_limited");
    if (error instanceof DomainError) return failed("unknown_component");
    throw error;
  }
  return redirect("/subscribe/sent");
}
