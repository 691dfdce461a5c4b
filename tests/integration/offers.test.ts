// Make-good offers end to end below the browser: drafted, reviewed, sent
// through the outbox to a real SMTP server, answered through the response
// route with the page's form token, changed, closed by the deadline.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createComponent } from "@/lib/components/save-component";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { createOfferDraft } from "@/lib/offers/create-offer";
import { exportOfferCsv, OFFER_CSV_HEADERS } from "@/lib/offers/export-csv";
import { markCredited } from "@/lib/offers/mark-credited";
import { parseMajorAmount } from "@/lib/offers/money";
import { getOffer, reviewOffer } from "@/lib/offers/queries";
import { answerOffer, findOfferPage } from "@/lib/offers/respond";
import { offerDraftSchema } from "@/lib/offers/schemas";
import { sendOffer } from "@/lib/offers/send-offer";
import { summariseOffer } from "@/lib/offers/summary";
import { hashToken } from "@/lib/offers/tokens";
import { createMailTransport } from "@/lib/outbox/transport";
import { OutboxWorker } from "@/lib/outbox/worker";
import { POST as answerPost } from "@/app/(offer)/offers/[token]/answer/route";
import { createAdmin } from "../support/factories";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let sink: SmtpSink;
let admin: { id: string; email: string };
let incidentId: string;
let componentId: string;
const DAY = 86_400_000;
const deadlineText = (date: Date) => date.toISOString().slice(0, 16);

beforeAll(async () => {
  sink = await startSmtpSink();
  admin = await createAdmin();
  componentId = (await createComponent(admin, { name: "Analytics", isVisible: true })).id;
  const other = (await createComponent(admin, { name: "Billing", isVisible: true })).id;
  incidentId = (
    await declareIncident(admin, {
      title: "Analytics requests went to the wrong app",
      impact: "major",
      status: "identified",
      message: "A config change sent a week of analytics requests elsewhere.\n\nMore detail follows.",
      components: [{ componentId, status: "major_outage" }],
    })
  ).id;
  const customer = (email: string, monthlyAmountCents: number | null, currency: string | null, component = componentId) =>
    prisma.customer.create({
      data: { email, firstName: email.split("@")[0], monthlyAmountCents, currency, components: { create: { componentId: component } } },
    });
  await customer("eur@example.com", 4990, "EUR");
  await customer("jpy@example.com", 4900, "JPY");
  await customer("kwd@example.com", 12345, "KWD");
  await customer("nomonthly@example.com", null, "EUR");
  await customer("elsewhere@example.com", 1000, "EUR", other);
});

afterAll(async () => {
  await sink.stop();
});

function draftInput(overrides: Record<string, unknown> = {}) {
  return offerDraftSchema.parse({
    incidentId,
    choices: [{ kind: "months", value: "1", cap: "EUR 40" }],
    hasCommentBox: true,
    deadline: deadlineText(new Date(Date.now() + 7 * DAY)),
    subject: "A month on us",
    body: "Hi {{first_name}}, we are sorry.",
    audience: { componentIds: [componentId] },
    ...overrides,
  });
}

async function drain(): Promise<void> {
  const worker = new OutboxWorker({ transport: createMailTransport(sink.url), log: () => {} });
  while ((await worker.runOnce()) > 0);
}

function tokenIn(text: string): string {
  return /\/offers\/([0-9a-f]{64})/.exec(text)![1]!;
}

function post(token: string, fields: Record<string, string>): Promise<Response> {
  const request = new Request(`http://localhost/offers/${token}/answer`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return answerPost(request, { params: Promise.resolve({ token }) });
}

describe("offer input", () => {
  it("refuses zero, negative, over-100 % and past-deadline offers with field messages", async () => {
    const problems = (choices: unknown[]) => offerDraftSchema.safeParse({ ...draftInput(), choices, deadline: "2030-01-01T00:00" });
    expect(problems([{ kind: "months", value: "0" }]).error?.issues[0]?.message).toMatch(/above zero/);
    expect(problems([{ kind: "percent", value: "120" }]).error?.issues[0]?.message).toMatch(/over 100/);
    expect(problems([{ kind: "fixed", fixed: "EUR 0" }]).error?.issues[0]?.message).toMatch(/more than zero/);
    expect(problems([{ kind: "months", value: "1", cap: "EUR -5" }]).error?.issues[0]?.message).toMatch(/cannot be negative/);
    expect(problems([{ kind: "fixed", fixed: "JPY 10.5" }]).error?.issues[0]?.message).toMatch(/more decimals than JPY/);
    await expect(createOfferDraft(admin, draftInput({ deadline: "2020-01-01T00:00" }))).rejects.toMatchObject({ status: 422 });
  });
});

describe("an offer's life", () => {
  let offerId: string;
  const tokens = new Map<string, string>();

  it("reviews every recipient with their amounts, those without one apart, and the liability per currency", async () => {
    offerId = (await createOfferDraft(admin, draftInput())).id;
    const review = await reviewOffer(await getOffer(offerId));
    expect(review.included.map((recipient) => [recipient.email, recipient.offer.amounts[0]!.amount])).toEqual([
      ["eur@example.com", 4000],
      ["jpy@example.com", 4900],
      ["kwd@example.com", 12345],
    ]);
    expect(review.excluded.map((recipient) => recipient.email)).toEqual(["nomonthly@example.com"]);
    expect(review.liability).toEqual([
      ["EUR", 4000],
      ["JPY", 4900],
      ["KWD", 12345],
    ]);
  });

  it("sends one personalised message per included customer; only the token's hash is stored, and the outbox forgets the token once sent", async () => {
    expect(await sendOffer(admin, { offerId })).toEqual({ recipients: 3, excluded: 1 });
    await expect(sendOffer(admin, { offerId })).rejects.toMatchObject({ status: 409 });
    await drain();
    expect(sink.messages).toHaveLength(3);
    for (const message of sink.messages) {
      const to = (message.to as { text: string }).text;
      const token = tokenIn(message.text ?? "");
      expect(message.html).toContain(`/offers/${token}`);
      tokens.set(to, token);
    }
    expect(sink.messages.find((message) => (message.to as { text: string }).text === "jpy@example.com")!.text).toContain("¥4,900");
    const responses = await prisma.offerResponse.findMany({ where: { offerId } });
    expect(responses).toHaveLength(3);
    for (const [, token] of tokens) expect(responses.some((response) => response.tokenHash === hashToken(token))).toBe(true);
    const payloads = await prisma.outboxMessage.findMany({ where: { campaignId: (await getOffer(offerId)).campaignId! } });
    expect(payloads.every((row) => row.state === "SENT" && !("offerToken" in (row.payload as object)))).toBe(true);
    expect(JSON.stringify(await prisma.offerResponse.findMany())).not.toContain(tokens.get("eur@example.com")!);
  });

  it("shows the customer's own amounts on a GET that changes nothing", async () => {
    const before = await prisma.offerResponse.findMany({ orderBy: { customerId: "asc" } });
    const page = await findOfferPage(tokens.get("kwd@example.com")!);
    expect(page).toMatchObject({ isOpen: true, incidentTitle: "Analytics requests went to the wrong app", chosen: null });
    expect(page!.summary).toBe("A config change sent a week of analytics requests elsewhere.");
    expect(page!.choices.map((choice) => choice.id)).toEqual(["credit_1", "decline"]);
    expect(page!.choices[0]!.amount).toMatch(/KWD\s12\.345/);
    expect(await prisma.offerResponse.findMany({ orderBy: { customerId: "asc" } })).toEqual(before);
  });

  it("records an answer posted from the page, lets the customer change their mind, and thanks them", async () => {
    const token = tokens.get("eur@example.com")!;
    const { formToken } = (await findOfferPage(token))!;
    const accepted = await post(token, { choice: "credit_1", comment: "", formToken });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(`/offers/${token}/thanks`);
    const declined = await post(token, { choice: "decline", comment: "No need, thanks — these things happen", formToken });
    expect(declined.status).toBe(303);
    const response = await prisma.offerResponse.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(response).toMatchObject({ choice: "decline", amount: null, comment: "No need, thanks — these things happen" });
    expect((await findOfferPage(token))!.chosen).toMatchObject({ id: "decline" });
  });

  it("refuses tampered, cut, other customers' form tokens, missing form tokens and choices not offered, with a 4xx and nothing recorded", async () => {
    const token = tokens.get("jpy@example.com")!;
    const other = tokens.get("kwd@example.com")!;
    const { formToken } = (await findOfferPage(token))!;
    const { formToken: othersFormToken } = (await findOfferPage(other))!;
    const tampered = `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`;
    const cases = [
      [tampered, { choice: "credit_1", formToken }, 404],
      [token.slice(0, 40), { choice: "credit_1", formToken }, 404],
      [token, { choice: "credit_1", formToken: othersFormToken }, 403],
      [token, { choice: "credit_1" }, 403],
      [token, { choice: "credit_2", formToken }, 422],
      [token, { choice: "credit_1; DROP TABLE", formToken }, 422],
      [token, { choice: "x".repeat(500), formToken }, 422],
      [token, { choice: "decline", formToken, comment: "x".repeat(2001) }, 422],
    ] as const;
    for (const [link, fields, status] of cases) {
      const answer = await post(link, { comment: "", ...fields });
      expect(answer.status, JSON.stringify(fields)).toBe(status);
      expect(await answer.text()).toContain("Your answer was not recorded");
    }
    expect(await findOfferPage(tampered)).toBeNull();
    const response = await prisma.offerResponse.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(response.choice).toBeNull();
  });

  it("closes at the deadline: the page shows what was chosen, and answers are refused", async () => {
    const token = tokens.get("eur@example.com")!;
    const afterDeadline = new Date((await getOffer(offerId)).deadline.getTime() + 1);
    const page = (await findOfferPage(token, afterDeadline))!;
    expect(page).toMatchObject({ isOpen: false, chosen: { id: "decline" } });
    await expect(answerOffer({ token, choice: "credit_1", comment: "", formToken: page.formToken }, afterDeadline)).rejects.toMatchObject({
      status: 409,
    });
    expect((await prisma.offerResponse.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).choice).toBe("decline");
  });
});

describe("tracking an offer to billing", () => {
  it("totals per currency and choice, marks credits (audited), and exports CSV that reads back to the same rows", async () => {
    const offerId = (
      await createOfferDraft(
        admin,
        draftInput({
          choices: [
            { kind: "months", value: "1" },
            { kind: "fixed", fixed: "EUR 5, JPY 500, KWD 1" },
          ],
        }),
      )
    ).id;
    await sendOffer(admin, { offerId });
    const rows = await prisma.offerResponse.findMany({ where: { offerId }, include: { customer: true } });
    const byEmail = new Map(rows.map((row) => [row.customer.email, row]));
    expect(byEmail.get("nomonthly@example.com")!.amounts).toEqual([null, 500]);
    await prisma.customer.update({
      where: { email: "eur@example.com" },
      data: { name: '=HYPERLINK("http://evil")', externalId: "acc-eur" },
    });
    // Answers as the page records them (the route is tested above).
    const answer = async (email: string, choice: string, comment = "") => {
      const row = byEmail.get(email)!;
      await prisma.offerResponse.update({
        where: { offerId_customerId: { offerId, customerId: row.customerId } },
        data: {
          choice,
          comment: comment || null,
          respondedAt: new Date(),
          amount: choice === "decline" ? null : (row.amounts as number[])[Number(choice.slice(-1)) - 1],
        },
      });
    };
    await answer("eur@example.com", "credit_1");
    await answer("nomonthly@example.com", "credit_2");
    await answer("jpy@example.com", "decline", "No need, thanks — these things happen");

    const summary = await summariseOffer(offerId, (await getOffer(offerId)).choices);
    const eur = summary.find((row) => row.currency === "EUR")!;
    expect(eur).toMatchObject({ offered: { count: 2, upTo: 4990 + 500 }, declined: 0, noAnswer: 0 });
    expect(eur.accepted.map((entry) => [entry.choiceId, entry.count, entry.sum])).toEqual([
      ["credit_1", 1, 4990],
      ["credit_2", 1, 500],
    ]);
    expect(summary.find((row) => row.currency === "JPY")).toMatchObject({ declined: 1, noAnswer: 0 });
    expect(summary.find((row) => row.currency === "KWD")).toMatchObject({ declined: 0, noAnswer: 1 });

    expect(await markCredited(admin, { offerId, customerId: byEmail.get("eur@example.com")!.customerId, reference: "INV-42" })).toEqual({
      marked: 1,
    });
    await expect(markCredited(admin, { offerId, customerId: byEmail.get("jpy@example.com")!.customerId })).rejects.toMatchObject({
      status: 422,
    });
    expect(await markCredited(admin, { offerId })).toEqual({ marked: 1 });
    expect(await markCredited(admin, { offerId })).toEqual({ marked: 0 });
    expect(await prisma.auditLog.count({ where: { action: "offer.credited", entityId: offerId } })).toBe(3);

    const [headers, ...records] = Papa.parse<string[]>((await exportOfferCsv(offerId)).trim()).data;
    expect(headers).toEqual([...OFFER_CSV_HEADERS]);
    const stored = await prisma.offerResponse.findMany({ where: { offerId }, include: { customer: true } });
    expect(records).toHaveLength(stored.length);
    for (const record of records) {
      const row = stored.find((response) => response.customer.email === record[2])!;
      expect(record[4] === "" ? null : parseMajorAmount(record[4]!, record[5]!)).toBe(row.amount);
      expect(record[5]).toBe(row.currency);
      expect(record[6]).toBe(row.respondedAt?.toISOString() ?? "");
      expect(record[7]).toBe(row.comment ?? "");
      expect(record[8]).toBe(row.creditedAt?.toISOString() ?? "");
      expect(record[9]).toBe(row.billingReference ?? "");
    }
    const eurRecord = records.find((record) => record[2] === "eur@example.com")!;
    expect(eurRecord.slice(0, 6)).toEqual(['\'=HYPERLINK("http://evil")', "acc-eur", "eur@example.com", "A month's fee", "49.90", "EUR"]);
  });
});
