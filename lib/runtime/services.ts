// The one explicit meeting point between Candor's server and Next.js's code.
//
// `npm start` runs dist/server.js (server.ts and lib/, bundled by esbuild)
// and, inside the same process, Next.js, whose server code is another bundle
// with its own copy of every lib/ module. A module-level singleton would
// therefore exist twice: two snapshot stores, two parsed configurations, a
// worker the admin's "send" could not wake. So the server creates each
// in-process service once and provides it here, and code in either bundle
// asks for it here. The registry lives on globalThis under one Symbol.for key
// (the only thing both bundles can see); nothing else is shared that way.
//
// Why not Next's instrumentation.ts: it runs inside Next's bundle, after
// Next has started, while the server needs the configuration, the database
// and the snapshot before that (the front thread answers public pages from
// the snapshot while Next starts, and while the database is down). The
// launcher owns the services; Next is one of its parts.
//
// Outside `npm start` (tests, scripts, `next build`) nothing is provided and
// callers fall back to their own instance (see each caller).
import type { Env } from "../env";
import type { RenderedResponse } from "../public-cache/build-entry";
import type { PublicSnapshotStore } from "../public-snapshot/store";

export interface Services {
  /** The parsed configuration, with the embedded database's URL and secret filled in. */
  env: Env;
  /** The process's public snapshot store (server.ts polls it; Next's pages read it). */
  snapshotStore: PublicSnapshotStore;
  /** The outbox worker running in this process, if any (CANDOR_WORKER). */
  outboxWorker: { poke(): void };
  /** Renders a public path through Next.js as the front server does (the mirror push uses it). */
  publicRenderer: (path: string) => Promise<RenderedResponse>;
  /** The embedded PostgreSQL's supervision (/api/health reports its restarts); absent with DATABASE_URL. */
  embeddedDatabase: { readonly restarts: number; readonly gaveUpAt: Date | null };
}

const KEY = Symbol.for("candor.services");

function registry(): Partial<Services> {
  const holder = globalThis as { [KEY]?: Partial<Services> };
  return (holder[KEY] ??= {});
}

export function provide<Name extends keyof Services>(name: Name, service: Services[Name]): void {
  registry()[name] = service;
}

export function provided<Name extends keyof Services>(name: Name): Services[Name] | undefined {
  return registry()[name];
}

/** Forgets a service (the worker stopping). */
export function withdraw(name: keyof Services): void {
  delete registry()[name];
}
