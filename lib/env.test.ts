import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, secretKey } from "./env";

function errorOf(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("needs nothing set: embedded database, port 3000, demo on", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", CANDOR_DEMO: true, PUBLIC_URL: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CANDOR_DATA_DIR).toMatch(/\/data$/);
  });

  it("names the variable, what is wrong and an example, in one line", () => {
    const message = errorOf({ PORT: "eighty" });
    expect(message).toBe("Invalid environment variable PORT: Invalid input: expected number, received NaN (example: PORT=3000)");
    expect(message).not.toContain("\n");
    expect(errorOf({ DATABASE_URL: "mysql://db/candor" })).toMatch(
      /^Invalid environment variable DATABASE_URL: must be a PostgreSQL connection URL \(example: DATABASE_URL=postgres:/,
    );
    expect(errorOf({ PUBLIC_URL: "status.example.com" })).toMatch(/^Invalid environment variable PUBLIC_URL: must be an http\(s\) URL/);
    expect(errorOf({ SMTP_URL: "mail.example.com" })).toMatch(/^Invalid environment variable SMTP_URL: must be an smtp/);
    expect(errorOf({ CANDOR_DEMO: "maybe" })).toMatch(/^Invalid environment variable CANDOR_DEMO/);
  });

  it("requires AUTH_SECRET with an external database in production, and a long one", () => {
    expect(errorOf({ DATABASE_URL: "postgres://u:p@db:5432/candor" })).toMatch(/^Missing environment variable AUTH_SECRET/);
    expect(errorOf({ AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    const env = parseEnv({
      DATABASE_URL: "postgres://u:p@db:5432/candor",
      AUTH_SECRET: "x".repeat(32),
      PUBLIC_URL: "https://status.example.com/",
    });
    expect(env.PUBLIC_URL).toBe("https://status.example.com");
  });

  it("reads TRUST_PROXY as the number of proxies in front (true is one)", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(errorOf({ TRUST_PROXY: "yes" })).toMatch(/^Invalid environment variable TRUST_PROXY: must be 0, 1, the number of proxies/);
  });

  it("reads CANDOR_FRAME_ANCESTORS as a list of origins, none by default", () => {
    expect(parseEnv({}).CANDOR_FRAME_ANCESTORS).toEqual([]);
    expect(parseEnv({ CANDOR_FRAME_ANCESTORS: "https://a.example  https://b.example:8443" }).CANDOR_FRAME_ANCESTORS).toEqual([
      "https://a.example",
      "https://b.example:8443",
    ]);
    expect(errorOf({ CANDOR_FRAME_ANCESTORS: "https://a.example; script-src *" })).toMatch(
      /^Invalid environment variable CANDOR_FRAME_ANCESTORS/,
    );
  });

  it("reads the mirror's bucket settings, and names what the bucket push still needs", () => {
    const mirror = {
      CANDOR_MIRROR_S3_URL: "http://127.0.0.1:4569/",
      CANDOR_MIRROR_S3_BUCKET: "status-mirror",
      CANDOR_MIRROR_S3_ACCESS_KEY_ID: "key",
      CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(parseEnv({ ...mirror, CANDOR_MIRROR_S3_PREFIX: "/status//page/" })).toMatchObject({
      CANDOR_MIRROR_S3_URL: "http://127.0.0.1:4569",
      CANDOR_MIRROR_S3_REGION: "us-east-1",
      CANDOR_MIRROR_S3_PREFIX: "status/page/",
    });
    expect(parseEnv(mirror).CANDOR_MIRROR_S3_PREFIX).toBe("");
    expect(errorOf({ ...mirror, CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: "" })).toBe(
      "Missing environment variable CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: the static mirror (CANDOR_MIRROR_S3_URL) needs it (example: CANDOR_MIRROR_S3_SECRET_ACCESS_KEY=the key's secret)",
    );
    expect(errorOf({ ...mirror, CANDOR_MIRROR_S3_BUCKET: "My_Bucket" })).toMatch(
      /^Invalid environment variable CANDOR_MIRROR_S3_BUCKET: must be a bucket name/,
    );
    expect(errorOf({ ...mirror, CANDOR_MIRROR_S3_URL: "s3://bucket" })).toMatch(
      /^Invalid environment variable CANDOR_MIRROR_S3_URL: must be/,
    );
    expect(errorOf({ ...mirror, CANDOR_MIRROR_S3_PREFIX: "a/../b" })).toMatch(/CANDOR_MIRROR_S3_PREFIX: must not contain/);
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("derives one key per purpose from the one secret, and has no fallback without it", () => {
    const env = parseEnv({ AUTH_SECRET: "s".repeat(32) });
    const keys = (["sessions", "unsubscribe", "offers", "webhooks"] as const).map((purpose) => secretKey(purpose, env));
    expect(new Set(keys).size).toBe(4);
    expect(keys).not.toContain(env.AUTH_SECRET);
    expect(secretKey("sessions", parseEnv({ AUTH_SECRET: "s".repeat(32) }))).toBe(keys[0]);
    expect(secretKey("sessions", parseEnv({ AUTH_SECRET: "t".repeat(32) }))).not.toBe(keys[0]);
    expect(secretKey("unsubscribe", parseEnv({ CANDOR_EMBEDDED_AUTH_SECRET: "s".repeat(32) }))).toBe(keys[1]);
    expect(() => secretKey("unsubscribe", parseEnv({}))).toThrow(/^Missing environment variable AUTH_SECRET/);
  });
});
