import type { AdminComponentGroup } from "@/lib/components/queries";
import type { ComponentChoice } from "./component-status-fields";

export function toComponentChoices(tree: AdminComponentGroup[]): ComponentChoice[] {
  return tree.flatMap((group) =>
    group.components.map((component) => ({ id: component.id, name: component.name, groupName: group.name, current: component.status })),
  );
}

/** `datetime-local` value for a UTC instant. */
export function toUtcInputValue(date: Date): string {
  return date.toISOString().slice(0, 16);
}
