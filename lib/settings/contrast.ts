// WCAG 2 contrast of the brand colour against the page's light and dark backgrounds. Pure.

/** The public page's backgrounds: white, and slate-950 in dark mode. */
const LIGHT_BACKGROUND = "#ffffff";
const DARK_BACKGROUND = "#020617";
/** AA for normal-size text. */
const AA_RATIO = 4.5;

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** How readable links in the brand colour are on the light and the dark page (ratios to two decimals, rounded down). */
export function brandContrast(hex: string) {
  const onLight = Math.floor(contrastRatio(hex, LIGHT_BACKGROUND) * 100) / 100;
  const onDark = Math.floor(contrastRatio(hex, DARK_BACKGROUND) * 100) / 100;
  return { onLight, onDark, isReadableOnLight: onLight >= AA_RATIO, isReadableOnDark: onDark >= AA_RATIO };
}
