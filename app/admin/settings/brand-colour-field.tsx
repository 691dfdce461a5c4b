"use client";

import { useState } from "react";
import { Field } from "@/components/form-controls";
import { brandContrast } from "@/lib/settings/contrast";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A picker and the hex text kept in step, with the colour's contrast on the light and the dark page. */
export function BrandColourField({ defaultValue, errors }: { defaultValue: string; errors?: string[] }) {
  const [colour, setColour] = useState(defaultValue);
  const contrast = HEX.test(colour) ? brandContrast(colour.toLowerCase()) : null;
  const verdict = (ratio: number, isReadable: boolean) =>
    `${ratio}:1 ${isReadable ? "✓ readable" : "✕ too faint for small text (needs 4.5:1)"}`;
  return (
    <Field
      id="brandColor"
      label="Brand colour"
      errors={errors}
      hint={
        contrast ? (
          <span role="status">
            Links in this colour: {verdict(contrast.onLight, contrast.isReadableOnLight)} on white;{" "}
            {verdict(contrast.onDark, contrast.isReadableOnDark)} on the dark page (dark mode shows links in light blue).
          </span>
        ) : (
          "Hex, e.g. #2563eb. Used for links and accents."
        )
      }
    >
      {(describedBy, invalid) => (
        <div className="flex items-center gap-2">
          <input
            id="brandColor"
            name="brandColor"
            value={colour}
            onChange={(event) => setColour(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className="w-32 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <input
            type="color"
            aria-label="Pick the brand colour"
            value={contrast ? colour.toLowerCase() : "#000000"}
            onChange={(event) => setColour(event.target.value)}
            className="h-9 w-12 cursor-pointer rounded border border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
      )}
    </Field>
  );
}
