"use client";

import { useSyncExternalStore } from "react";

type Style = "datetime" | "date" | "time";

function formatUtc(iso: string, style: Style): string {
  const text = iso.replace("T", " ").slice(0, style === "date" ? 10 : 16);
  return style === "time" ? `${iso.slice(11, 16)} UTC` : style === "date" ? text : `${text} UTC`;
}

function formatLocal(date: Date, style: Style): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
  const datePart: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
  const time: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
  const options = style === "date" ? datePart : style === "time" ? time : { ...datePart, ...time };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

const subscribeToNothing = () => () => {};

/**
 * A time shown in UTC by the server (public pages do not depend on the
 * reader), then in the reader's own time zone once the browser runs; UTC
 * stays in the tooltip.
 */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: Style }) {
  // The server's HTML and the first client render agree (UTC); then the reader's zone.
  const text = useSyncExternalStore(
    subscribeToNothing,
    () => formatLocal(new Date(iso), style),
    () => formatUtc(iso, style),
  );
  return (
    <time dateTime={iso} title={style === "date" ? undefined : formatUtc(iso, "datetime")}>
      {text}
    </time>
  );
}
