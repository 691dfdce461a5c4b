"use server";

import { formDataOf, type ActionResult } from "@/lib/action-result";
import { publishBanner, republishBannerVersion } from "@/lib/banner/publish-banner";
import { bannerSchema, bannerVersionIdSchema } from "@/lib/banner/schemas";
import { hasPermission } from "@/lib/auth/roles";
import { getCurrentOperator } from "@/lib/auth/session";
import { renderInlineMarkdown } from "@/lib/markdown/render";
import { BANNER_MESSAGE_MAX } from "@/lib/banner/constants";
import { z } from "zod";
import { runAction } from "../run-action";

export async function publishBannerAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: bannerSchema,
    formData,
    permission: "banner:write",
    work: (operator, input) => publishBanner(operator, { kind: "publish", input }),
    message: "Published. Login pages show it within a minute.",
  });
}

export async function clearBannerAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: z.object({}),
    formData,
    permission: "banner:write",
    work: (operator) => publishBanner(operator, { kind: "clear" }),
    message: "Cleared. Login pages stop showing it within a minute.",
  });
}

export async function republishBannerAction(_previous: ActionResult | null, sentFormData: unknown) {
  const formData = formDataOf(sentFormData);
  return runAction({
    schema: bannerVersionIdSchema,
    formData,
    permission: "banner:write",
    work: (operator, input) => republishBannerVersion(operator, input.versionId),
    message: "Published again as a new version.",
  });
}

/** The message as the embed will show it, for the live preview. */
export async function previewBannerAction(message: string): Promise<string> {
  // A preview for whoever may write the banner; nothing (not a 500) for anyone else.
  const operator = await getCurrentOperator();
  if (!operator || !hasPermission(operator.role, "banner:write")) return "";
  return renderInlineMarkdown(String(message).slice(0, BANNER_MESSAGE_MAX));
}
