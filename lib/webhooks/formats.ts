// What a webhook URL is: a chat tool's incoming webhook (sent in that tool's
// own message format, unsigned) or any other endpoint (signed JSON in
// Statuspage's webhook shape). Pure.

export const WEBHOOK_FORMATS = ["statuspage", "slack", "teams", "discord"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const FORMAT_LABELS: Record<WebhookFormat, string> = {
  statuspage: "JSON (Statuspage shape, signed)",
  slack: "Slack",
  teams: "Microsoft Teams",
  discord: "Discord",
};

/** Recognises the incoming-webhook hosts of Slack, Teams (and Power Automate workflows) and Discord. */
export function detectFormat(url: URL): WebhookFormat {
  const host = url.hostname.toLowerCase();
  if (host === "hooks.slack.com") return "slack";
  if ((host === "discord.com" || host === "discordapp.com" || host === "canary.discord.com") && url.pathname.startsWith("/api/webhooks/"))
    return "discord";
  if (host.endsWith(".webhook.office.com") || host.endsWith(".logic.azure.com") || host.endsWith(".environment.api.powerplatform.com"))
    return "teams";
  return "statuspage";
}

export interface ChatMessage {
  title: string;
  status: string;
  message: string;
  link: string;
}

/** The request body a chat tool expects: title, status and a link. */
export function chatBody(format: Exclude<WebhookFormat, "statuspage">, message: ChatMessage): unknown {
  const text = `${message.title}: ${message.status}`;
  if (format === "slack") {
    return {
      text,
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: `*<${message.link}|${escapeSlack(message.title)}>*\n*${escapeSlack(message.status)}*` },
        },
        { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.message).slice(0, 2900) } },
      ],
    };
  }
  if (format === "discord") {
    return {
      content: null,
      allowed_mentions: { parse: [] },
      embeds: [
        { title: message.title.slice(0, 256), url: message.link, description: `**${message.status}**\n${message.message}`.slice(0, 4000) },
      ],
    };
  }
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Medium", weight: "Bolder", text: message.title, wrap: true },
            { type: "TextBlock", text: message.status, weight: "Bolder", wrap: true },
            { type: "TextBlock", text: message.message.slice(0, 4000), wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open the status page", url: message.link }],
        },
      },
    ],
  };
}

function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
