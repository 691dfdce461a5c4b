"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { pageSettingsSchema } from "@/lib/settings/schemas";
import { updatePageSettings } from "@/lib/settings/update-settings";
import { runAction } from "../run-action";

export async function updateSettingsAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: pageSettingsSchema,
    formData,
    permission: "settings:write",
    work: updatePageSettings,
    message: "Settings saved.",
  });
}
