// The public footer's line about times. Pure: the public layout and the
// mirror's transform share it, so the mirror can find and replace it.
//
// Live pages show each time in the reader's own time zone once the browser
// runs (components/local-time.tsx); the mirror's pages run no script, so
// their times stay in UTC, as its notice says.

export const LIVE_TIMES_NOTE = "Times are shown in your time zone; hover a time for UTC.";
export const MIRROR_TIMES_NOTE = "Times are in UTC.";
