import { FieldError } from "@/components/form-controls";
import type { IncidentImpact } from "@/lib/components/constants";
import { IMPACT_LABELS } from "@/lib/incidents/constants";

/** The incident's impact as a row of radio cards, named `impact`; the checked card is highlighted. */
export function ImpactField({ defaultImpact, errors }: { defaultImpact: string; errors?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">Impact</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {(Object.keys(IMPACT_LABELS) as IncidentImpact[]).map((impact) => (
          <label
            key={impact}
            className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 dark:border-slate-700 dark:has-[:checked]:bg-blue-950"
          >
            <input type="radio" name="impact" value={impact} defaultChecked={defaultImpact === impact} />
            {IMPACT_LABELS[impact]}
          </label>
        ))}
      </div>
      <FieldError className="mt-1" errors={errors} />
    </fieldset>
  );
}
