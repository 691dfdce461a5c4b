// For developers only (a devDependency): Prisma's schema engine compiled to
// WebAssembly, driven through the same pg driver adapter the app uses, to
// write a new migration from the schema (`npm run db:migration`) and to check
// that the migrations match the schema (tests/integration/migrations.test.ts).
// The native schema-engine binary would have to be downloaded, which these
// machines cannot do. Candor itself applies migrations with plain SQL
// (apply-migrations.ts); the test checks that both record the same rows.
import { randomBytes } from "node:crypto";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlQuery, type SqlResultSet } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { listMigrationNames } from "./migration-files";

const require = createRequire(import.meta.url);
const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function loadSchemaEngineModule() {
  // The engine reports a Rust panic's message through this global before throwing.
  const panics = {
    message: "",
    set_message(message: string) {
      this.message = message;
    },
  };
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY ??= panics;
  // Instantiate the .wasm by hand: importing it as an ES module needs
  // --experimental-wasm-modules on Node 20.
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bindingsPath).href);
  const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bindings as typeof import("@prisma/schema-engine-wasm");
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMN_MARK = "\u0000char";

/*
 * The engine describes a migrated database through catalog queries returning
 * PostgreSQL's one-byte "char" type (pg_constraint.contype, ...), which
 * @prisma/adapter-pg 7.10 does not map, so `diff` fails with "Column type
 * 'char' could not be deserialized". node-postgres already reads those values
 * as strings: CatalogClient lets them through as text and marks the column,
 * and withCharColumns tells the engine the column is a Character.
 */
class CatalogClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => last(error, error ? result : markCharColumns(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return returned instanceof Promise ? returned.then(markCharColumns) : returned;
  }
}

function markCharColumns(result: pg.QueryResult): pg.QueryResult {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID !== PG_CHAR_OID) continue;
    field.dataTypeID = PG_TEXT_OID;
    field.name += CHAR_COLUMN_MARK;
  }
  return result;
}

function withCharColumns<T extends { queryRaw: (query: SqlQuery) => Promise<SqlResultSet> }>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames = result.columnNames.map((name, index) => {
      if (!name.endsWith(CHAR_COLUMN_MARK)) return name;
      result.columnTypes[index] = ColumnTypeEnum.Character;
      return name.slice(0, -CHAR_COLUMN_MARK.length);
    });
    return result;
  };
  return queryable;
}

/*
 * adapter-pg 7.10 runs a migration script by splitting it at every ";", which
 * breaks a function body such as the public snapshot trigger's. PostgreSQL's
 * simple query protocol takes the whole script at once (and runs it as one
 * implicit transaction), so the script goes through unsplit.
 */
function withWholeScripts<T extends { executeScript: (script: string) => Promise<void> }>(adapter: T): T {
  const queryable = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script) => {
    await queryable.client.query(script).catch((error: unknown) => queryable.onError(error));
  };
  return adapter;
}

/** The engine's adapter factory, plus `disposeAll` to close the pools it opened (engine.free() does not). */
function catalogAwareAdapterFactory(connectionString: string) {
  const factory = new PrismaPg({ connectionString, Client: CatalogClient });
  const opened: { dispose: () => Promise<void> }[] = [];
  const track = <T extends { dispose: () => Promise<void> }>(adapter: T) => (opened.push(adapter), adapter);
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => track(withWholeScripts(withCharColumns(await connect())));
  // The engine drops and disposes its shadow database itself.
  factory.connectToShadowDb = async () => withWholeScripts(withCharColumns(await connectToShadowDb()));
  const disposeAll = () => Promise.all(opened.splice(0).map((adapter) => adapter.dispose())).then(() => undefined);
  return { factory, disposeAll };
}

let enginePromise: ReturnType<typeof loadSchemaEngineModule> | undefined;

async function withEngine<T>(connectionString: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  enginePromise ??= loadSchemaEngineModule();
  const { SchemaEngine } = await enginePromise;
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const { factory, disposeAll } = catalogAwareAdapterFactory(connectionString);
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await run(engine);
  } finally {
    engine.free();
    await disposeAll();
  }
}

async function readMigrationList(): Promise<MigrationList> {
  const names = await listMigrationNames(MIGRATIONS_DIR);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockfilePath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lockfile = await readFile(lockfilePath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Prisma's own way of applying them: what apply-migrations.ts must agree with (tested). */
export async function applyMigrationsWithSchemaEngine(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withEngine(connectionString, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database built by the migrations to the current schema.
 * Empty when they agree. The engine replays the migrations on the database it
 * is connected to, so this runs on a throw-away database created beside the
 * given one (the user needs CREATEDB) and dropped afterwards.
 */
export async function diffMigrationsToSchema(connectionString: string): Promise<string> {
  return withScratchDatabase(connectionString, (scratchUrl) => diffOn(scratchUrl));
}

async function withScratchDatabase<T>(connectionString: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `candor_scratch_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const scratchUrl = new URL(connectionString);
    scratchUrl.pathname = `/${name}`;
    try {
      return await run(scratchUrl.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function diffOn(connectionString: string): Promise<string> {
  const migrationsList = await readMigrationList();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return withEngine(connectionString, async (engine) => {
    const from = migrationsList.migrationDirectories.length ? { tag: "migrations" as const, ...migrationsList } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}

/** Writes `prisma/migrations/<timestamp>_<name>/migration.sql` from the schema diff. */
export async function writeMigration(connectionString: string, name: string): Promise<string | null> {
  const sql = await diffMigrationsToSchema(connectionString);
  if (!hasStatements(sql)) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const directory = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "migration.sql"), sql);
  const lockfilePath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  await writeFile(lockfilePath, '# Written by Candor; do not edit.\nprovider = "postgresql"\n', { flag: "w" });
  return directory;
}

export function hasStatements(sql: string): boolean {
  return sql.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--"));
}
