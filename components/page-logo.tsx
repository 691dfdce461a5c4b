import type { PageSettings } from "@/lib/settings/queries";

/**
 * The page's logo in a header: the uploaded one (with its dark variant for
 * readers who prefer a dark scheme), else the logo URL, else the page name.
 */
export function PageLogo({
  settings,
  className,
  nameClassName = "text-xl font-bold",
}: {
  settings: PageSettings;
  /** The image's classes (its height). */
  className: string;
  nameClassName?: string;
}) {
  // A snapshot saved on disk before logos were uploaded has no `logo`.
  const logo = (settings.logo as PageSettings["logo"] | undefined) ?? { light: null, dark: null };
  if (logo.light) {
    return (
      <picture>
        {logo.dark && <source srcSet={`/logo/dark?v=${logo.dark}`} media="(prefers-color-scheme: dark)" />}
        <img src={`/logo/light?v=${logo.light}`} alt={settings.pageName} className={className} />
      </picture>
    );
  }
  if (settings.logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- operator-supplied logo from any host
    return <img src={settings.logoUrl} alt={settings.pageName} className={className} />;
  }
  return <span className={nameClassName}>{settings.pageName}</span>;
}
