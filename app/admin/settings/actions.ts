"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { logoRemovalSchema, logoUploadSchema, removeLogo, saveLogo } from "@/lib/settings/logo";
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

export async function uploadLogoAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: logoUploadSchema,
    formData,
    permission: "settings:write",
    work: saveLogo,
    message: "Logo uploaded.",
  });
}

export async function removeLogoAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: logoRemovalSchema,
    formData,
    permission: "settings:write",
    work: removeLogo,
    message: "Logo removed.",
  });
}
