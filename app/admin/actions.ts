"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { toActionFailure, type ActionResult } from "@/lib/action-result";
import { getAuth } from "@/lib/auth/auth";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { getCurrentOperator, requireOperator } from "@/lib/auth/session";
import { removeDemoData } from "@/lib/demo/remove-demo";
import { refreshPublicSnapshot } from "@/lib/public-snapshot";

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}

export async function signOutEverywhereAction(): Promise<void> {
  // Signed out already (an old tab, or anyone posting here): nothing to end.
  const operator = await getCurrentOperator();
  if (!operator) redirect("/sign-in");
  await endAllSessions(operator);
  await getAuth()
    .api.signOut({ headers: await headers() })
    .catch(() => undefined);
  redirect("/sign-in");
}

export async function removeDemoDataAction(_previous: ActionResult | null): Promise<ActionResult> {
  try {
    const operator = await requireOperator("demo:remove");
    const removed = await removeDemoData(operator);
    revalidatePath("/", "layout");
    await refreshPublicSnapshot();
    return { ok: true, data: undefined, message: `Removed ${removed.components} demo components and ${removed.incidents} demo incident.` };
  } catch (error) {
    return toActionFailure(error);
  }
}
