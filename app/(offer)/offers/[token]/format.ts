/** "3 December 2026, 18:00 UTC": the server writes UTC, so the page is the same for every reader. */
export function formatDeadline(date: Date): string {
  return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(date)} UTC`;
}
