// Which database Candor uses, in words for logs, health and the admin footer.
import { getEnv } from "../env";

export type DatabaseInfo = { kind: "embedded" | "postgresql"; label: string };

/** Where a database is, without its password. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

export function getDatabaseInfo(): DatabaseInfo {
  const env = getEnv();
  if (env.DATABASE_URL) return { kind: "postgresql", label: `PostgreSQL at ${describeDatabaseUrl(env.DATABASE_URL)}` };
  return { kind: "embedded", label: `Embedded PostgreSQL (data in ${env.CANDOR_DATA_DIR})` };
}
