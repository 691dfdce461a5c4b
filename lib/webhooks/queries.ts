import { prisma } from "../db";
import type { WebhookFormat } from "./formats";

export interface WebhookView {
  id: string;
  url: string;
  format: WebhookFormat;
  isEnabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  createdAt: Date;
  deliveries: {
    id: string;
    event: string;
    status: number | null;
    responseMs: number;
    response: string;
    isSuccess: boolean;
    createdAt: Date;
  }[];
}

/** Every webhook with its latest deliveries, newest first. */
export async function listWebhooks(deliveriesEach = 10): Promise<WebhookView[]> {
  const webhooks = await prisma.webhook.findMany({
    orderBy: { createdAt: "asc" },
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: deliveriesEach } },
  });
  return webhooks.map((webhook) => ({
    id: webhook.id,
    url: webhook.url,
    format: webhook.format as WebhookFormat,
    isEnabled: webhook.isEnabled,
    consecutiveFailures: webhook.consecutiveFailures,
    disabledAt: webhook.disabledAt,
    createdAt: webhook.createdAt,
    deliveries: webhook.deliveries.map(({ id, event, status, responseMs, response, isSuccess, createdAt }) => ({
      id,
      event,
      status,
      responseMs,
      response,
      isSuccess,
      createdAt,
    })),
  }));
}
