// Which PostgreSQL Candor uses: DATABASE_URL's server, or its own embedded one.
import type { Env } from "../env";
import { startEmbeddedServer } from "./embedded/server";

export type DatabaseKind = "embedded" | "postgresql";

export interface OpenDatabase {
  kind: DatabaseKind;
  url: string;
  /** The embedded server's generated AUTH_SECRET; null for an external database. */
  generatedAuthSecret: string | null;
  /** The embedded server's restarts (null for an external database). */
  supervision: { readonly restarts: number; readonly gaveUpAt: Date | null } | null;
  /** Stops the embedded server; nothing for an external one. */
  close(): Promise<void>;
}

export async function openDatabase(env: Env, log: (line: string) => void = console.log): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    return { kind: "postgresql", url: env.DATABASE_URL, generatedAuthSecret: null, supervision: null, close: async () => {} };
  }
  const server = await startEmbeddedServer({ dataDir: env.CANDOR_DATA_DIR, log });
  return {
    kind: "embedded",
    url: server.urlFor(),
    generatedAuthSecret: server.authSecret,
    supervision: server,
    close: () => server.stop(),
  };
}
