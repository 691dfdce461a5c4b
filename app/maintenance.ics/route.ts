import { buildMaintenanceCalendar } from "@/lib/feeds/maintenance-calendar";
import { readPublicSnapshot } from "@/lib/public-snapshot";

export const dynamic = "force-dynamic";

export async function GET() {
  const { snapshot } = await readPublicSnapshot();
  return new Response(buildMaintenanceCalendar(snapshot), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="maintenance.ics"' },
  });
}
