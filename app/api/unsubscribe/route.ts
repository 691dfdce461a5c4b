import { unsubscribeCustomer } from "@/lib/customers/unsubscribe";
import { verifyUnsubscribe } from "@/lib/email/unsubscribe";
import { unsubscribeSubscriber } from "@/lib/subscribers/manage";
import { getEnv } from "@/lib/env";

// RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" here, without cookies.
export async function POST(request: Request) {
  const url = new URL(request.url);
  const email = verifyUnsubscribe(url.searchParams.get("a") ?? "", url.searchParams.get("t") ?? "");
  if (!email)
    return new Response("This unsubscribe link is not valid; use the link in a more recent message.\n", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  await unsubscribeCustomer(email, "one-click");
  await unsubscribeSubscriber(email, "one-click");
  return new Response("Unsubscribed.\n", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Someone opened the header's link in a browser: the page that asks first,
 * at the public address (the request's own URL names the address Candor
 * listens on, such as http://0.0.0.0:3000).
 */
export function GET(request: Request) {
  const { search } = new URL(request.url);
  return new Response(null, { status: 303, headers: { location: `${getEnv().PUBLIC_URL}/unsubscribe${search}` } });
}
