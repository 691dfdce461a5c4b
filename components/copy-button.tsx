"use client";

import { useState } from "react";
import { buttonClasses } from "./form-controls";

/** Copies `text` to the clipboard and says so politely. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [said, setSaid] = useState("");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={`${buttonClasses.secondary} px-3 py-1`}
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setSaid("Copied."),
            () => setSaid("Copying was refused by the browser: select the text and copy it."),
          )
        }
      >
        {label}
      </button>
      <span role="status" className="text-sm text-green-800 dark:text-green-400">
        {said}
      </span>
    </span>
  );
}
