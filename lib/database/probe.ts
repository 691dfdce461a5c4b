import pg from "pg";

/** Null when PostgreSQL at `url` answers within the timeout, else why not. */
export async function probeDatabase(url: string, timeoutMs = 5_000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}
