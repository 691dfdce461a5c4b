// npm run db:migration -- <name>: writes a new migration from the schema diff.
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/database/open";
import { writeMigration } from "../lib/database/schema-engine";
import { runScript } from "./run-script";

await runScript(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("Give the migration a snake_case name: npm run db:migration -- add_incident_templates");
  }
  const database = await openDatabase(getEnv());
  try {
    const directory = await writeMigration(database.url, name);
    console.log(directory ? `Wrote ${directory}/migration.sql` : "The migrations already match prisma/schema.prisma; nothing written.");
  } finally {
    await database.close();
  }
});
