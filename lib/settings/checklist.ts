// What a new page still needs before customers see it, for the Overview. Pure.

export interface ChecklistFacts {
  effectivePublicUrl: string;
  senderAddress: string;
  /** The sender's display name. */
  pageName: string;
  brandColor: string;
  websiteUrl: string | null;
  /** Components that are not demo data. */
  ownComponentCount: number;
}

export interface ChecklistItem {
  key: "public_url" | "sender" | "brand" | "components" | "website";
  label: string;
  detail: string;
  isDone: boolean;
  href: string;
}

const DEFAULT_BRAND = "#2563eb";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

/** True while the public URL points at this machine: links in email, feeds and the snippet would not reach customers. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return LOCAL_HOSTS.has(host) || host.endsWith(".localhost");
}

export function setupChecklist(facts: ChecklistFacts): ChecklistItem[] {
  const senderHost = facts.senderAddress.split("@")[1] ?? "";
  return [
    {
      key: "public_url",
      label: "Set the public URL",
      detail: `Now ${facts.effectivePublicUrl}. Links in email, feeds and the banner snippet use it.`,
      isDone: !isLocalUrl(facts.effectivePublicUrl),
      href: "/admin/settings",
    },
    {
      key: "sender",
      label: "Check the sender address",
      detail: `Email goes out from “${facts.pageName}” <${facts.senderAddress}>: the page name (Settings) and MAIL_FROM, or status@ the public URL's host.`,
      isDone: !LOCAL_HOSTS.has(senderHost) && !senderHost.endsWith(".localhost"),
      href: "/admin/settings",
    },
    {
      key: "brand",
      label: "Choose your brand colour",
      detail: "Links and accents on the status page and in email.",
      isDone: facts.brandColor.toLowerCase() !== DEFAULT_BRAND,
      href: "/admin/settings",
    },
    {
      key: "components",
      label: "Add your components",
      detail: "The parts of your product customers know by name: sign-in, API, dashboard…",
      isDone: facts.ownComponentCount > 0,
      href: "/admin/components",
    },
    {
      key: "website",
      label: "Link back to your website",
      detail: "Shown in the status page's header, so customers find their way back.",
      isDone: facts.websiteUrl !== null,
      href: "/admin/settings",
    },
  ];
}
