import type { FieldComparison } from "@/lib/postmortems/compare";

/** Changed fields of two revisions, removed words struck through and added words underlined. */
export function RevisionDiff({ fields }: { fields: FieldComparison[] }) {
  const changed = fields.filter((field) => field.changed);
  const unchanged = fields.length - changed.length;
  if (changed.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">The two texts are the same.</p>;
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        <del className="diff-removed">Removed text</del> is struck through; <ins className="diff-added">added text</ins> is underlined.
        {unchanged > 0 && ` ${unchanged} unchanged ${unchanged === 1 ? "part is" : "parts are"} not shown.`}
      </p>
      {changed.map((field) => (
        <section key={field.label} aria-label={field.label}>
          <h3 className="mb-1 text-sm font-semibold">{field.label}</h3>
          {field.visibility && <p className="mb-1 text-sm italic">{field.visibility}</p>}
          <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm leading-relaxed whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-950">
            {field.parts.map((part, index) =>
              part.kind === "added" ? (
                <ins key={index} className="diff-added">
                  {part.text}
                </ins>
              ) : part.kind === "removed" ? (
                <del key={index} className="diff-removed">
                  {part.text}
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
