"use client";

import { useEffect, useState } from "react";

type Style = "datetime" | "date" | "time";

function formatUtc(iso: string, style: Style): string {
  const text = iso.replace("T", " ").slice(0, style === "date" ? 10 : 16);
  return style === "time" ? `${iso.slice(11, 16)} UTC` : style === "date" ? text : `${text} UTC`;
}

function formatLocal(date: Date, style: Style): string {
  const options: Intl.DateTimeFormatOptions =
    style === "date"
      ? { dateStyle: "medium" }
      : style === "time"
        ? { timeStyle: "short", timeZoneName: "short" }
        : { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/**
 * A time shown in UTC by the server (public pages do not depend on the
 * reader), then in the reader's own time zone once the browser runs; UTC
 * stays in the tooltip.
 */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: Style }) {
  const utc = formatUtc(iso, style);
  const [text, setText] = useState(utc);
  useEffect(() => setText(formatLocal(new Date(iso), style)), [iso, style]);
  return (
    <time dateTime={iso} title={style === "date" ? undefined : formatUtc(iso, "datetime")}>
      {text}
    </time>
  );
}
