import { prisma } from "../db";
import type { ComponentStatus } from "./constants";

export interface PublicComponent {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  groupId: string | null;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicComponentGroup {
  /** Null for the components outside any group, listed first. */
  id: string | null;
  name: string | null;
  position: number;
  createdAt: Date | null;
  updatedAt: Date | null;
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
        position: true,
        createdAt: true,
        updatedAt: true,
        components: { where: { isVisible: true }, orderBy: [{ position: "asc" }, { name: "asc" }], select: componentFields },
      },
    }),
    prisma.component.findMany({
      where: { groupId: null, isVisible: true },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: componentFields,
    }),
  ]);
  const result: PublicComponentGroup[] = ungrouped.length
    ? [{ id: null, name: null, position: -1, createdAt: null, updatedAt: null, components: ungrouped.map(toPublic) }]
    : [];
  for (const { components, ...group } of groups) {
    if (components.length) result.push({ ...group, components: components.map(toPublic) });
  }
  return result;
}

const componentFields = {
  id: true,
  name: true,
  description: true,
  status: true,
  groupId: true,
  position: true,
  createdAt: true,
  updatedAt: true,
} as const;

function toPublic(component: Omit<PublicComponent, "status"> & { status: string }): PublicComponent {
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
    prisma.component.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { ...componentFields, isVisible: true } }),
  ]);
  const toAdmin = (component: (typeof components)[number]): AdminComponent => ({
    ...toPublic(component),
    isVisible: component.isVisible,
    groupId: component.groupId,
  });
  return [
    { id: null, name: null, isDemo: false, components: components.filter((component) => component.groupId === null).map(toAdmin) },
    ...groups.map((group) => ({ ...group, components: components.filter((component) => component.groupId === group.id).map(toAdmin) })),
  ];
}

/** Components the operator added (demo data aside): whether the page describes their product yet. */
export async function countOwnComponents(): Promise<number> {
  return prisma.component.count({ where: { isDemo: false } });
}
