import { connectionOptions, CONNECT_TIMEOUT_MS, DeadlineClient } from "./timeouts";

/** Null when PostgreSQL at `url` answers within the timeout, else why not. */
export async function probeDatabase(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<string | null> {
  const client = new DeadlineClient({ ...connectionOptions(url), connectionTimeoutMillis: timeoutMs });
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
