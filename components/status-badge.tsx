import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/lib/components/constants";

const STYLES: Record<ComponentStatus, { icon: string; classes: string }> = {
  operational: { icon: "✓", classes: "text-green-800 dark:text-green-400" },
  degraded_performance: { icon: "!", classes: "text-yellow-800 dark:text-yellow-300" },
  partial_outage: { icon: "▲", classes: "text-orange-800 dark:text-orange-300" },
  major_outage: { icon: "✕", classes: "text-red-800 dark:text-red-400" },
  under_maintenance: { icon: "⚙", classes: "text-blue-800 dark:text-blue-300" },
};

/** A status as words with an icon beside them: never colour alone. */
export function StatusBadge({ status }: { status: ComponentStatus }) {
  const style = STYLES[status];
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-medium ${style.classes}`}>
      <span aria-hidden="true">{style.icon}</span>
      {COMPONENT_STATUS_LABELS[status]}
    </span>
  );
}
