// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/database/open";
import { applyMigrations } from "../lib/database/apply-migrations";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = await openDatabase(getEnv());
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.close();
  }
});
