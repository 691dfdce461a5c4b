import { LocalTime } from "@/components/local-time";
import { TimeAgo } from "@/components/time-ago";
import { COMPONENT_STATUS_LABELS } from "@/lib/components/constants";
import { INCIDENT_STATUS_LABELS } from "@/lib/incidents/constants";
import type { TimelineUpdate } from "@/lib/incidents/queries";
import type { ReactNode } from "react";
import { Markdown } from "./markdown";

/** An incident's updates, newest first, as an ordered list with machine-readable times. */
export function IncidentTimeline({ updates, actions }: { updates: TimelineUpdate[]; actions?: (update: TimelineUpdate) => ReactNode }) {
  return (
    <ol className="space-y-6 border-l-2 border-slate-200 pl-5 dark:border-slate-700">
      {updates.map((update) => (
        <li
          key={update.id}
          className={
            update.isInternal
              ? "-ml-3 rounded-md border border-dashed border-amber-400 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
              : ""
          }
        >
          <p className="text-sm font-semibold">
            {update.isInternal ? "Internal note" : INCIDENT_STATUS_LABELS[update.status!]}
            <span className="font-normal text-slate-600 dark:text-slate-400">
              {" · "}
              <LocalTime iso={update.publishedAt.toISOString()} />
              <TimeAgo iso={update.publishedAt.toISOString()} prefix=" · posted " withoutServerText />
              {update.editedAt && <span> · edited</span>}
              {update.authorName && actions && <span> · {update.authorName}</span>}
            </span>
          </p>
          <Markdown source={update.message} className="mt-1 text-slate-800 dark:text-slate-200" />
          {update.componentChanges.length > 0 && (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {update.componentChanges.map((change) => `${change.name}: ${COMPONENT_STATUS_LABELS[change.status]}`).join(" · ")}
            </p>
          )}
          {actions?.(update)}
        </li>
      ))}
    </ol>
  );
}
