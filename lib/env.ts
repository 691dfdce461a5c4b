// Every environment variable Candor reads, parsed once. A bad value stops the
// app with one line naming the variable, what is wrong and an example.
import { hkdfSync } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { provided as providedService } from "./runtime/services";

const providedEnv = () => providedService("env");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, "must be a PostgreSQL connection URL")
  .refine((value) => URL.canParse(value), "is not a valid URL");

const flag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: postgresUrl.optional(),
  CANDOR_DATA_DIR: z
    .string()
    .min(1)
    .default("./data")
    .transform((value) => path.resolve(value)),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .refine((value) => URL.canParse(value), "is not a valid URL")
    .optional(),
  MAIL_FROM: z.email("must be an email address").optional(),
  /** Messages per second all outbox workers together send at most (shared through PostgreSQL); 0 means no limit. */
  CANDOR_SEND_RATE: z.coerce.number().min(0).max(10_000).default(100),
  /** How long an outbox worker's claim lasts unless its heartbeat renews it; every send time limit derives from it. */
  CANDOR_OUTBOX_LEASE_SECONDS: z.coerce.number().min(4).max(3_600).default(60),
  /** Run the outbox worker inside `npm start` (turn off when `npm run worker` runs elsewhere). */
  CANDOR_WORKER: flag.default(true),
  CANDOR_DEMO: flag.default(true),
  /**
   * How many proxies of the operator's own stand in front of Candor (0: none;
   * true means 1). Each appends the address it saw to X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|true|false)$/, "must be 0, 1, the number of proxies in front of Candor, true or false")
    .default("0")
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
  /** Origins allowed to show the public pages in a frame (space-separated); unset: none may. */
  CANDOR_FRAME_ANCESTORS: z
    .string()
    .regex(/^https?:\/\/[^\s;,'"]+(\s+https?:\/\/[^\s;,'"]+)*$/, "must be origins separated by spaces, such as https://example.com")
    .optional()
    .transform((value) => (value ? value.split(/\s+/) : [])),
  /** Memory for rendered public responses (all encodings); 0 turns the cache off. */
  CANDOR_PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** Server-sent event streams (/api/v2/stream) open at once; one more is answered 503. */
  CANDOR_MAX_STREAMS: z.coerce.number().int().min(0).max(1_000_000).default(20_000),
  /** Requests a minute each API token may make (REST, alert intake, MCP); 0 means no limit. */
  CANDOR_API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** The S3-compatible endpoint the static mirror is pushed to (unset: no mirror push). */
  CANDOR_MIRROR_S3_URL: z
    .url({ protocol: /^https?$/, error: "must be the bucket service's http(s) endpoint URL" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  CANDOR_MIRROR_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, "must be a region name such as us-east-1 (R2: auto)")
    .default("us-east-1"),
  CANDOR_MIRROR_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens")
    .optional(),
  /** Folder inside the bucket ("" for its root); always ends with "/" when set. */
  CANDOR_MIRROR_S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._/-]*$/, "may hold only letters, digits, '.', '_', '-' and '/'")
    .refine((value) => !value.split("/").includes(".."), "must not contain '..'")
    .default("")
    .transform((value) => value.replace(/^\/+|\/+$/g, "").replace(/\/+/g, "/"))
    .transform((value) => (value ? `${value}/` : "")),
  CANDOR_MIRROR_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Stripe secret key: "Apply accepted credits in Stripe" credits customer balances. Unset: that button is hidden. */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "must be a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)")
    .optional(),
  /** Let webhooks reach private and loopback addresses (a receiver on the same host or network). */
  CANDOR_WEBHOOKS_ALLOW_PRIVATE: flag.default(false),
  /** Set by Candor's launcher for its own processes; not for operators. */
  CANDOR_EMBEDDED_DATABASE_URL: postgresUrl.optional(),
  CANDOR_EMBEDDED_AUTH_SECRET: z.string().min(32).optional(),
});

const EXAMPLES: Record<string, string> = {
  DATABASE_URL: "postgres://candor:secret@db.example.com:5432/candor",
  CANDOR_DATA_DIR: "/var/lib/candor",
  HOST: "0.0.0.0",
  PORT: "3000",
  PUBLIC_URL: "https://status.example.com",
  AUTH_SECRET: "a random string of 32+ characters",
  SMTP_URL: "smtp://user:password@smtp.example.com:587",
  MAIL_FROM: "status@example.com",
  CANDOR_SEND_RATE: "50",
  CANDOR_OUTBOX_LEASE_SECONDS: "60",
  CANDOR_WORKER: "0",
  CANDOR_DEMO: "0",
  TRUST_PROXY: "1",
  CANDOR_PUBLIC_CACHE_MB: "64",
  CANDOR_FRAME_ANCESTORS: "https://intranet.example.com",
  CANDOR_API_RATE_LIMIT: "600",
  CANDOR_MAX_STREAMS: "20000",
  STRIPE_SECRET_KEY: "sk_live_…",
  CANDOR_WEBHOOKS_ALLOW_PRIVATE: "1",
  NODE_ENV: "production",
  CANDOR_MIRROR_S3_URL: "https://s3.eu-west-1.amazonaws.com",
  CANDOR_MIRROR_S3_REGION: "eu-west-1",
  CANDOR_MIRROR_S3_BUCKET: "acme-status-mirror",
  CANDOR_MIRROR_S3_PREFIX: "status",
  CANDOR_MIRROR_S3_ACCESS_KEY_ID: "AKIA…",
  CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: "the key's secret",
};

/** With CANDOR_MIRROR_S3_URL set, the bucket and both credentials are needed too. */
const MIRROR_NEEDS = ["CANDOR_MIRROR_S3_BUCKET", "CANDOR_MIRROR_S3_ACCESS_KEY_ID", "CANDOR_MIRROR_S3_SECRET_ACCESS_KEY"] as const;

export type Env = z.infer<typeof envSchema> & { PUBLIC_URL: string };

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses a set of variables; throws EnvError with a one-line message. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    const example = EXAMPLES[name] ? ` (example: ${name}=${EXAMPLES[name]})` : "";
    throw new EnvError(`Invalid environment variable ${name}: ${issue.message}${example}`);
  }
  const env = result.data;
  if (env.DATABASE_URL && !env.AUTH_SECRET && env.NODE_ENV === "production") {
    throw new EnvError(
      `Missing environment variable AUTH_SECRET: it is required with DATABASE_URL (example: AUTH_SECRET=${EXAMPLES.AUTH_SECRET})`,
    );
  }
  if (env.CANDOR_MIRROR_S3_URL) {
    const missing = MIRROR_NEEDS.find((name) => !env[name]);
    if (missing) {
      throw new EnvError(
        `Missing environment variable ${missing}: the static mirror (CANDOR_MIRROR_S3_URL) needs it (example: ${missing}=${EXAMPLES[missing]})`,
      );
    }
  }
  return { ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` };
}

let cached: Env | undefined;

/**
 * The configuration: the one the server parsed and provided (lib/runtime/services.ts),
 * or, outside `npm start` (tests, scripts), the process's environment parsed on first use.
 */
export function getEnv(): Env {
  const provided = providedEnv();
  if (provided) return provided;
  cached ??= parseEnv(process.env);
  return cached;
}

/** Each use of the secret gets its own key: one leaked or misused key says nothing of the others. */
export type SecretPurpose = "sessions" | "unsubscribe" | "offers" | "webhooks" | "subscribers";

/**
 * The key for one purpose, derived with HKDF-SHA256 from the one secret:
 * AUTH_SECRET, or the one Candor generated into the embedded database's data
 * directory. Throws EnvError when there is neither (there is no built-in
 * fallback key).
 */
export function secretKey(purpose: SecretPurpose, env: Env = getEnv()): string {
  const secret = env.AUTH_SECRET ?? env.CANDOR_EMBEDDED_AUTH_SECRET;
  if (!secret) {
    throw new EnvError(
      `Missing environment variable AUTH_SECRET: Candor signs sessions and links with it (example: AUTH_SECRET=${EXAMPLES.AUTH_SECRET})`,
    );
  }
  const cacheKey = `${purpose}\0${secret}`;
  let key = derivedKeys.get(cacheKey);
  if (key === undefined) {
    key = Buffer.from(hkdfSync("sha256", secret, "candor", `candor:${purpose}`, 32)).toString("base64url");
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

/** HKDF costs about 50 µs, paid per signed link (two per subscriber notice) before this cache; one secret in practice. */
const derivedKeys = new Map<string, string>();
