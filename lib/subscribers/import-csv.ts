// Subscriber CSV import: an "email" column and an optional "components"
// column (names or ids, separated by ";"). Imported addresses still confirm
// by email unless the admin ticks that these people consented (audited).
// Addresses already known are left as they are: an import never
// resubscribes someone who unsubscribed.
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { z } from "zod";
import { prisma } from "../db";
import { ValidationError } from "../errors";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { enqueueEmail } from "../outbox/enqueue";
import { confirmationMessage, readBranding } from "./messages";
import { CONFIRM_TTL_MS, confirmUrl, hashToken, manageTokenFor, newConfirmToken } from "./tokens";

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 50_000;
const emailSchema = z.email();

export interface SubscriberImportReport {
  added: number;
  alreadyKnown: number;
  problems: { line: number; message: string }[];
}

interface ParsedRow {
  line: number;
  email: string;
  componentIds: string[];
}

function readRows(text: string, components: Map<string, string>): { rows: ParsedRow[]; problems: SubscriberImportReport["problems"] } {
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ValidationError("The file is larger than 5 MB. Split it into smaller files.");
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes("email"))
    throw new ValidationError("The file needs an “email” column (and may have a “components” column).");
  if (parsed.data.length > MAX_ROWS) throw new ValidationError(`At most ${MAX_ROWS.toLocaleString("en")} rows per file. Split it.`);
  const rows: ParsedRow[] = [];
  const problems: SubscriberImportReport["problems"] = [];
  const seen = new Set<string>();
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const email = (record.email ?? "").trim().toLowerCase();
    if (!emailSchema.safeParse(email).success || email.length > 254)
      return problems.push({ line, message: `“${email}” is not an email address.` });
    if (seen.has(email)) return problems.push({ line, message: `${email} appears twice; the first row counts.` });
    seen.add(email);
    const names = (record.components ?? "")
      .split(";")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    const ids = names.map((name) => components.get(name));
    const unknown = names.filter((_, at) => !ids[at]);
    if (unknown.length) return problems.push({ line, message: `Unknown component: ${unknown.join(", ")}.` });
    rows.push({ line, email, componentIds: [...new Set(ids as string[])] });
  });
  return { rows, problems };
}

/**
 * Imports the good rows in one transaction; with problems and without
 * `skipProblems`, imports nothing and reports them.
 */
export async function importSubscribers(
  actor: AuditActor,
  input: { csv: string; hasConsent: boolean; skipProblems: boolean },
  now = new Date(),
): Promise<SubscriberImportReport> {
  const all = await prisma.component.findMany({ select: { id: true, name: true } });
  const components = new Map<string, string>(
    all.flatMap(
      (component) =>
        [
          [component.name.toLowerCase(), component.id],
          [component.id.toLowerCase(), component.id],
        ] as const,
    ),
  );
  const { rows, problems } = readRows(input.csv, components);
  if (problems.length && !input.skipProblems) return { added: 0, alreadyKnown: 0, problems };
  const branding = await readBranding();
  // Compiled once; each row's own link replaces the placeholder.
  const template = input.hasConsent ? null : await confirmationMessage(branding, "https://confirm.invalid/LINK");
  return prisma.$transaction(
    async (tx) => {
      const known = new Set(
        (await tx.subscriber.findMany({ where: { email: { in: rows.map((row) => row.email) } }, select: { email: true } })).map(
          (row) => row.email,
        ),
      );
      let added = 0;
      for (const row of rows) {
        if (known.has(row.email)) continue;
        const id = randomUUID();
        const confirm = template ? newConfirmToken() : null;
        await tx.subscriber.create({
          data: {
            id,
            email: row.email,
            state: confirm ? "PENDING" : "CONFIRMED",
            allComponents: row.componentIds.length === 0,
            manageTokenHash: hashToken(manageTokenFor(id)),
            confirmTokenHash: confirm?.hash ?? null,
            confirmExpiresAt: confirm ? new Date(now.getTime() + CONFIRM_TTL_MS) : null,
            confirmedAt: confirm ? null : now,
            importedById: actor.id,
            components: { create: row.componentIds.map((componentId) => ({ componentId })) },
          },
        });
        if (template && confirm) {
          const link = confirmUrl(branding.publicUrl, confirm.token);
          const fill = (text: string) => text.replaceAll("https://confirm.invalid/LINK", link);
          await enqueueEmail(tx, {
            kind: "notice",
            dispatchId: `subscriber.confirm:${confirm.hash.slice(0, 32)}`,
            to: row.email,
            subject: template.subject,
            html: fill(template.html),
            text: fill(template.text),
          });
        }
        added++;
      }
      await recordAudit(tx, actor, {
        action: "subscriber.imported",
        entityType: "subscriber",
        after: { added, alreadyKnown: known.size, skippedRows: problems.length, consentConfirmedByAdmin: input.hasConsent },
      });
      return { added, alreadyKnown: known.size, problems };
    },
    { timeout: 120_000 },
  );
}
