import { prisma } from "../db";
import type { ComponentStatus, IncidentImpact } from "./constants";

export interface PublicComponent {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
}

export interface PublicComponentGroup {
  id: string | null;
  name: string | null;
  components: PublicComponent[];
}

/** Visible components by group, in page order; ungrouped components come first. */
export async function listPublicComponentGroups(): Promise<PublicComponentGroup[]> {
  const [groups, ungrouped] = await Promise.all([
    prisma.componentGroup.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        components: { where: { isVisible: true }, orderBy: [{ position: "asc" }, { name: "asc" }], select: componentFields },
      },
    }),
    prisma.component.findMany({ where: { groupId: null, isVisible: true }, orderBy: [{ position: "asc" }, { name: "asc" }], select: componentFields }),
  ]);
  const result: PublicComponentGroup[] = ungrouped.length ? [{ id: null, name: null, components: ungrouped.map(toPublic) }] : [];
  for (const group of groups) {
    if (group.components.length) result.push({ id: group.id, name: group.name, components: group.components.map(toPublic) });
  }
  return result;
}

export async function listOpenIncidentImpacts(): Promise<IncidentImpact[]> {
  const incidents = await prisma.incident.findMany({ where: { status: { not: "RESOLVED" } }, select: { impact: true } });
  return incidents.map((incident) => incident.impact.toLowerCase() as IncidentImpact);
}

const componentFields = { id: true, name: true, description: true, status: true } as const;

function toPublic(component: { id: string; name: string; description: string | null; status: string }): PublicComponent {
  return { ...component, status: component.status.toLowerCase() as ComponentStatus };
}
