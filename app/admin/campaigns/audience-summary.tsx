import { buttonClasses } from "@/components/form-controls";
import type { AudienceMember } from "@/lib/campaigns/audience";

/** The live count of recipients (a polite live region) and the list so far, 50 more at a time. */
export function AudienceSummary({
  audience,
  counting,
  errors,
  onShowMore,
}: {
  audience: { count: number; first: AudienceMember[] } | null;
  counting: boolean;
  errors?: string[];
  onShowMore: () => void;
}) {
  return (
    <>
      <div role="status" aria-live="polite" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
        {audience === null ? (
          "Counting…"
        ) : (
          <strong className="text-base">
            {audience.count.toLocaleString("en")} {audience.count === 1 ? "recipient" : "recipients"}
          </strong>
        )}
        {counting && audience !== null && <span className="ml-2 text-slate-500 dark:text-slate-400">updating…</span>}
        {errors && <p className="mt-1 text-red-700">{errors.join(" ")}</p>}
      </div>
      {audience && audience.count > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">
            View the list
            {audience.count > audience.first.length ? ` (${audience.first.length} of ${audience.count.toLocaleString("en")})` : ""}
          </summary>
          <ul className="mt-2 max-h-64 space-y-0.5 overflow-auto" tabIndex={0} aria-label="Recipients">
            {audience.first.map((member) => (
              <li key={member.id}>
                {member.email}
                {member.company ? <span className="text-slate-500 dark:text-slate-400"> · {member.company}</span> : null}
              </li>
            ))}
          </ul>
          {audience.count > audience.first.length && (
            <button type="button" onClick={onShowMore} className={`${buttonClasses.secondary} mt-2`}>
              Show 50 more
            </button>
          )}
        </details>
      )}
    </>
  );
}
