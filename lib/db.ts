// The one Prisma client. Its connection comes from DATABASE_URL, or from the
// embedded server that Candor's launcher started for this process tree.
// server-only: a client component that imports the database (even through
// another module) fails Next's build. Candor's own bundles and the tests map it
// to an empty module (scripts/bundle.mjs, vitest.config.ts); scripts run by tsx
// pass --conditions=react-server, under which the package is empty.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "./generated/prisma/client";
import { getEnv } from "./env";
import { connectionOptions, DeadlineClient } from "./database/timeouts";

export { Prisma };
export type TransactionClient = Prisma.TransactionClient;

export function getDatabaseUrl(): string {
  const env = getEnv();
  const url = env.DATABASE_URL ?? env.CANDOR_EMBEDDED_DATABASE_URL;
  if (!url) {
    throw new Error("No database: set DATABASE_URL, or start Candor with `npm start`, which starts its embedded PostgreSQL.");
  }
  return url;
}

// Bounded connects and queries (lib/database/timeouts.ts): while the database
// is unreachable or hung, reads and writes fail within seconds and the public
// page is served from its last snapshot.
function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...connectionOptions(getDatabaseUrl()), max: 10, Client: DeadlineClient }) });
}

// Reused across hot reloads in development so each edit does not open a new pool.
const devCache = globalThis as { candorPrisma?: PrismaClient };
let client: PrismaClient | undefined;

function getClient(): PrismaClient {
  if (process.env.NODE_ENV === "development") return (devCache.candorPrisma ??= createClient());
  return (client ??= createClient());
}

/**
 * Connects on first use, not on import: `next build` imports every route
 * while no database is running.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(getClient(), property);
    return typeof value === "function" ? value.bind(getClient()) : value;
  },
});
