import { describe, expect, it } from "vitest";
import { cardText, MAINTENANCE_COMPLETED_MESSAGE, MAINTENANCE_STARTED_MESSAGE } from "./constants";

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
