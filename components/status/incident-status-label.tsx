import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "@/lib/incidents/constants";

const CLASSES: Record<IncidentStatus, string> = {
  investigating: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  identified: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  monitoring: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-200",
  resolved: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  scheduled: "bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-200",
  in_progress: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-200",
  verifying: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-200",
  completed: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
};

export function IncidentStatusLabel({ status }: { status: IncidentStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${CLASSES[status]}`}>{INCIDENT_STATUS_LABELS[status]}</span>
  );
}
