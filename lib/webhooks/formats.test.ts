import { describe, expect, it } from "vitest";
import { chatBody, detectFormat } from "./formats";

const message = {
  title: "API errors",
  status: "Investigating",
  message: "Some requests fail.",
  link: "https://status.example.com/incidents/1",
};

describe("webhook formats", () => {
  it("recognises Slack, Teams and Discord incoming-webhook URLs; anything else gets signed JSON", () => {
    expect(detectFormat(new URL("https://hooks.slack.com/services/T0/B0/x"))).toBe("slack");
    expect(detectFormat(new URL("https://discord.com/api/webhooks/1/abc"))).toBe("discord");
    expect(detectFormat(new URL("https://acme.webhook.office.com/webhookb2/x"))).toBe("teams");
    expect(detectFormat(new URL("https://prod-1.westus.logic.azure.com/workflows/x"))).toBe("teams");
    expect(detectFormat(new URL("https://example.com/hooks/candor"))).toBe("statuspage");
    expect(detectFormat(new URL("https://discord.com/channels/1"))).toBe("statuspage");
  });

  it("writes each tool's own message with the title, status and link", () => {
    expect(JSON.stringify(chatBody("slack", message))).toContain("<https://status.example.com/incidents/1|API errors>");
    expect(chatBody("discord", message)).toMatchObject({ embeds: [{ title: "API errors", url: message.link }] });
    expect(JSON.stringify(chatBody("teams", message))).toContain('"type":"AdaptiveCard"');
  });
});
