"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, toActionFailure, type ActionResult } from "@/lib/action-result";
import { requireOperator } from "@/lib/auth/session";
import { pageSettingsSchema } from "@/lib/settings/schemas";
import { updatePageSettings } from "@/lib/settings/update-settings";

export async function updateSettingsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = pageSettingsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, formData);
  try {
    const operator = await requireOperator("settings:write");
    await updatePageSettings(operator, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, data: undefined, message: "Settings saved." };
  } catch (error) {
    return toActionFailure(error, formData);
  }
}
