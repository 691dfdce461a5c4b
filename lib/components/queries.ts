import { prisma } from "../db";
import type { ComponentStatus } from "./constants";

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

const componentFields = { id: true, name: true, description: true, status: true } as const;

function toPublic(component: { id: string; name: string; description: string | null; status: string }): PublicComponent {
  return { ...component, status: component.status.toLowerCase() as ComponentStatus };
}

export interface AdminComponent extends PublicComponent {
  isVisible: boolean;
  groupId: string | null;
}

export interface AdminComponentGroup {
  id: string | null;
  name: string | null;
  isDemo: boolean;
  components: AdminComponent[];
}

/** Every component, hidden ones too, by group in page order; the ungrouped come first as group `null`. */
export async function listComponentTree(): Promise<AdminComponentGroup[]> {
  const [groups, components] = await Promise.all([
    prisma.componentGroup.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, isDemo: true } }),
    prisma.component.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { ...componentFields, isVisible: true, groupId: true } }),
  ]);
  const toAdmin = (component: (typeof components)[number]): AdminComponent => ({ ...toPublic(component), isVisible: component.isVisible, groupId: component.groupId });
  return [
    { id: null, name: null, isDemo: false, components: components.filter((component) => component.groupId === null).map(toAdmin) },
    ...groups.map((group) => ({ ...group, components: components.filter((component) => component.groupId === group.id).map(toAdmin) })),
  ];
}
