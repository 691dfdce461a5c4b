import { describe, expect, it } from "vitest";
import { cardText, isUpdateOverdue, MAINTENANCE_COMPLETED_MESSAGE, MAINTENANCE_STARTED_MESSAGE } from "./constants";

describe("cardText", () => {
  const description = { message: "Database upgrade: brief read-only periods." };

  it("keeps the operator's description on a maintenance the clock started, with the clock's line as the status", () => {
    expect(cardText([{ message: MAINTENANCE_STARTED_MESSAGE }, description])).toEqual({
      message: description.message,
      automaticStatus: MAINTENANCE_STARTED_MESSAGE,
    });
    expect(cardText([{ message: MAINTENANCE_COMPLETED_MESSAGE }, { message: MAINTENANCE_STARTED_MESSAGE }, description]).message).toBe(
      description.message,
    );
  });

  it("shows the newest message a person wrote, and nothing automatic after it", () => {
    expect(cardText([{ message: "Taking longer than planned." }, { message: MAINTENANCE_STARTED_MESSAGE }, description])).toEqual({
      message: "Taking longer than planned.",
      automaticStatus: null,
    });
    expect(cardText([])).toEqual({ message: null, automaticStatus: null });
  });
});

describe("isUpdateOverdue", () => {
  it("flags an open incident whose customers have had no update for 30 minutes", () => {
    const last = new Date("2026-11-28T08:00:00Z");
    expect(isUpdateOverdue(last, new Date("2026-11-28T08:29:59Z"))).toBe(false);
    expect(isUpdateOverdue(last, new Date("2026-11-28T08:30:00Z"))).toBe(true);
  });
});
