/** "1 day 7 h 35 min", "45 min", "less than a minute". Pure. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days} ${days === 1 ? "day" : "days"}`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(" ");
}

/** "just now", "12 min ago", "3 h ago", "2 days ago": how long ago something was posted, at a glance. Pure. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? "day" : "days"} ago`;
}
