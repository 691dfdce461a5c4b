import Papa from "papaparse";
import { prisma } from "../db";

/** Every subscriber as CSV: email, state, components (names, "; "-separated; empty means all), dates. */
export async function exportSubscribersCsv(): Promise<string> {
  const subscribers = await prisma.subscriber.findMany({
    orderBy: { email: "asc" },
    include: { components: { include: { component: { select: { name: true } } } } },
  });
  const rows = subscribers.map((subscriber) => [
    subscriber.email,
    subscriber.state.toLowerCase(),
    subscriber.allComponents ? "" : subscriber.components.map((link) => link.component.name).join("; "),
    subscriber.createdAt.toISOString(),
    subscriber.confirmedAt?.toISOString() ?? "",
    subscriber.unsubscribedAt?.toISOString() ?? "",
  ]);
  // Cells that a spreadsheet would run as formulas get a leading quote.
  return Papa.unparse(
    { fields: ["email", "state", "components", "created_at", "confirmed_at", "unsubscribed_at"], data: rows },
    { escapeFormulae: true },
  );
}
