import { readdir } from "node:fs/promises";

/** The migration directories under `migrationsDir`, oldest first (their names start with a timestamp). */
export async function listMigrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
