/** A time in UTC, machine-readable in `dateTime`; readers see it unambiguously without JavaScript. */
export function DateTime({ value }: { value: Date }) {
  const text = value.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return <time dateTime={value.toISOString()}>{text}</time>;
}
