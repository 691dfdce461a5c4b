import { handleAlertIntake } from "@/lib/alerts/intake";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ source: string }> }) {
  return handleAlertIntake(request, (await context.params).source);
}
