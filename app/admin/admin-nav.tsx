"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Areas appear here as they are built; none links to an unfinished page.
const ITEMS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/incidents", label: "Incidents" },
  { href: "/admin/components", label: "Components" },
  { href: "/admin/banner", label: "Sign-in banner" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/campaigns", label: "Email campaigns" },
  { href: "/admin/subscribers", label: "Subscribers" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/mailbox", label: "Dev mailbox" },
  { href: "/admin/operators", label: "Operators" },
  { href: "/admin/api-tokens", label: "API tokens" },
  { href: "/admin/alert-rules", label: "Alert rules" },
  { href: "/admin/mirror", label: "Static mirror" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/settings", label: "Settings" },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="flex gap-1 overflow-x-auto md:flex-col">
      {ITEMS.map((item) => {
        const isCurrent = item.href === "/admin" ? pathname === "/admin" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={isCurrent ? "page" : undefined}
            className={
              "whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 " +
              (isCurrent
                ? "bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200"
                : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800")
            }
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
