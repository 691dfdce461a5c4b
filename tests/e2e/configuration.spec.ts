import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { CANDOR_COMMAND } from "./support/candor-process";

function startCandor(extraEnv: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const [command, ...args] = CANDOR_COMMAND;
    const child = spawn(command, args, {
      env: { ...process.env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("a bad environment variable stops Candor with one line that names it and shows an example", async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "candor-env-"));
  try {
    const result = await startCandor({ PORT: "eighty", CANDOR_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "candor: Invalid environment variable PORT: Invalid input: expected number, received NaN (example: PORT=3000)",
    ]);
    expect(result.stdout).not.toContain("Building");

    const database = await startCandor({ DATABASE_URL: "mysql://localhost/candor", CANDOR_DATA_DIR: dataDir });
    expect(database.code).toBe(1);
    expect(database.stderr.trim()).toMatch(
      /^candor: Invalid environment variable DATABASE_URL: must be a PostgreSQL connection URL \(example: /,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test("a data directory Candor cannot write stops it with one line that names it, the cause and the fix", async () => {
  // A file where the directory should be: refused as root too, unlike chmod.
  const root = await mkdtemp(path.join(os.tmpdir(), "candor-datadir-"));
  try {
    await writeFile(path.join(root, "file"), "not a directory");
    const dataDir = path.join(root, "file", "candor");
    const result = await startCandor({ CANDOR_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `candor: The data directory ${dataDir} cannot be used (ENOTDIR): a file stands where a directory is expected. Move that file away, or set CANDOR_DATA_DIR to a writable directory.`,
    ]);
    expect(result.stdout).not.toContain("Building");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
