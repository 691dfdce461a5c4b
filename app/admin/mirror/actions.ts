"use server";

import { toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
import { requestMirrorPush } from "@/lib/mirror/status";

export async function pushMirrorNowAction(_previous: ActionResult | null): Promise<ActionResult> {
  try {
    await requireOperator("settings:write");
    await requestMirrorPush();
    return { ok: true, data: undefined, message: "A push is queued; this page shows its result when you reload it." };
  } catch (error) {
    return toActionFailure(error);
  }
}
