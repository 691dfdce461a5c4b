import { describe, expect, it } from "vitest";
import { inlineMarkdownToText, markdownToText, renderMarkdown } from "./render";

describe("renderMarkdown", () => {
  it("renders the Markdown operators write in updates", () => {
    expect(renderMarkdown("We are **investigating** elevated errors.\n\n- API\n- Web")).toBe(
      "<p>We are <strong>investigating</strong> elevated errors.</p>\n<ul>\n<li>API</li>\n<li>Web</li>\n</ul>\n",
    );
    expect(renderMarkdown("[status](https://status.example.com)")).toBe(
      '<p><a href="https://status.example.com" rel="noopener noreferrer nofollow">status</a></p>\n',
    );
  });

  it("never lets script, event handlers, iframes or javascript: links through", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="https://evil.test"></iframe> [click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe|onerror=|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("demotes headings below the page's own", () => {
    expect(renderMarkdown("# Big")).toBe("<h3>Big</h3>\n");
  });
});

describe("markdownToText", () => {
  it("keeps the words and drops the markup", () => {
    expect(markdownToText("We **fixed** it. See [the log](https://x.test).")).toBe("We fixed it. See the log.");
    expect(markdownToText("Dear Rich,\n\nKind regards,\nRich Allen")).toBe("Dear Rich,\n\nKind regards,\nRich Allen");
  });
});

describe("plain text from Markdown", () => {
  it("has the characters themselves, never HTML entities (banner message_text, text emails)", () => {
    expect(markdownToText('Error rate > 5% & rising; "queue" isn\'t draining <soon>')).toBe(
      'Error rate > 5% & rising; "queue" isn\'t draining',
    );
    expect(markdownToText("Literal &amp;gt; stays one level: &amp;gt;")).toBe("Literal &gt; stays one level: &gt;");
    expect(inlineMarkdownToText("**Logins** > 5 & rising")).toBe("Logins > 5 & rising");
  });
});
