import type { Metadata } from "next";
import { PageHeader, Panel } from "@/components/page-header";
import { requirePageAccess } from "@/lib/auth/session";
import { listComponentTree } from "@/lib/components/queries";
import { toComponentChoices } from "../../incidents/component-choices";
import { ScheduleMaintenanceForm } from "./schedule-form";

export const metadata: Metadata = { title: "Schedule maintenance" };

export default async function ScheduleMaintenancePage() {
  await requirePageAccess("incidents:write");
  const tree = await listComponentTree();
  return (
    <>
      <PageHeader title="Schedule maintenance" description="Shown as upcoming on the status page until its window begins." />
      <Panel>
        <ScheduleMaintenanceForm components={toComponentChoices(tree)} />
      </Panel>
    </>
  );
}
