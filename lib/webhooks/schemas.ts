import { z } from "zod";

export const addWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2048, "Keep the URL under 2,048 characters.")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL, e.g. https://example.com/hooks/status." })),
});
export type AddWebhookInput = z.infer<typeof addWebhookSchema>;

export const webhookIdSchema = z.object({ webhookId: z.string().min(1).max(64) });
