// npm run db:seed-demo: adds the demo components and incident to any database.
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/database/open";
import { applyMigrations } from "../lib/database/apply-migrations";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = await openDatabase(getEnv());
  try {
    await applyMigrations(database.url);
    if (database.kind === "embedded") process.env.CANDOR_EMBEDDED_DATABASE_URL = database.url;
    const { seedDemo } = await import("../lib/demo/seed-demo");
    await seedDemo();
    console.log("Demo data added. Remove it from the admin overview when you are done.");
  } finally {
    await database.close();
  }
});
