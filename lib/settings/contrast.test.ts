import { describe, expect, it } from "vitest";
import { brandContrast, contrastRatio } from "./contrast";

describe("contrastRatio", () => {
  it("gives WCAG's ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 1);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // The grey small text that failed in admin dark mode.
    expect(contrastRatio("#64748b", "#0f172a")).toBeCloseTo(3.75, 2);
  });

  it("checks a brand colour against the light and the dark page, for small text (AA 4.5:1)", () => {
    expect(brandContrast("#2563eb")).toEqual({ onLight: 5.16, onDark: 3.9, isReadableOnLight: true, isReadableOnDark: false });
    expect(brandContrast("#fde047").isReadableOnLight).toBe(false);
  });
});
