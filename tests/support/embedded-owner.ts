// A separate Candor-like process that owns an embedded server, for the
// crash tests: it writes a row, says READY, and waits to be killed.
import pg from "pg";
import { startEmbeddedServer } from "../../lib/database/embedded/server";

const server = await startEmbeddedServer({ dataDir: process.argv[2]!, log: () => {} });
const client = new pg.Client({ connectionString: server.urlFor() });
await client.connect();
await client.query("CREATE TABLE IF NOT EXISTS survivors (name text)");
await client.query("INSERT INTO survivors VALUES ('before the crash')");
await client.end();
console.log("READY");
setInterval(() => {}, 1_000);
