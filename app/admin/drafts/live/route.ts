import { errorResponse } from "@/lib/api/errors";
import { requireOperator } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { waitForDraftsChange } from "@/lib/drafts/live";
import { toDraftsSnapshot } from "@/lib/drafts/live-view";
import { listOpenDrafts } from "@/lib/drafts/queries";

export const dynamic = "force-dynamic";

const LONG_POLL_MS = 25_000;

// The drafts bar's long poll: answers as soon as the drafts change (at once
// for a change in this process, within a second for another instance's).
export async function GET(request: Request) {
  try {
    await requireOperator("admin:read");
  } catch (error) {
    if (error instanceof DomainError) return errorResponse(error.status, "unauthenticated", error.message);
    throw error;
  }
  const since = (new URL(request.url).searchParams.get("since") ?? "").slice(0, 100);
  const version = await waitForDraftsChange(since, LONG_POLL_MS, request.signal);
  return Response.json(toDraftsSnapshot(version, await listOpenDrafts()), { headers: { "cache-control": "no-store" } });
}
