import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StartupError } from "../database/embedded/errors";
import { checkDataDirectory, describeFileError, isDataDirectoryError } from "./data-directory";

const roots: string[] = [];
afterAll(async () => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const fileError = (code: string, at?: string) => Object.assign(new Error(`${code}: something, open '${at}'`), { code, path: at });

describe("start-up errors about the data directory", () => {
  it("say in one line the directory, the cause and the fix, for each cause", () => {
    const dir = "/var/lib/candor";
    const lines = {
      EROFS: describeFileError(fileError("EROFS", `${dir}/postgres`), dir),
      EACCES: describeFileError(fileError("EACCES", dir), dir),
      ENOSPC: describeFileError(fileError("ENOSPC", `${dir}/secrets.json`), dir),
      ENOTDIR: describeFileError(fileError("ENOTDIR", "/var/lib/candor"), dir),
    };
    for (const line of Object.values(lines)) {
      expect(line).not.toContain("\n");
      expect(line).toContain(`data directory ${dir}`);
      expect(line).toContain("set CANDOR_DATA_DIR to a writable directory");
    }
    expect(lines.EROFS).toMatch(/read-only file system \(at \/var\/lib\/candor\/postgres\) \(EROFS\).*Mount it read-write/);
    expect(lines.EACCES).toMatch(/may not write to .*\(EACCES: permission denied\)\. Give that user write access \(chown -R /);
    expect(lines.ENOSPC).toMatch(/is full \(at \/var\/lib\/candor\/secrets\.json\) \(ENOSPC\)\. Free space on it/);
    expect(lines.ENOTDIR).toMatch(/cannot be used \(ENOTDIR\): a file stands where a directory is expected/);
    expect(Object.values(lines).join(" ")).not.toContain("ENOENT");
  });

  it("only claims errors on paths inside the data directory", () => {
    expect(isDataDirectoryError(fileError("ENOSPC", "/data/candor/public/x.json"), "/data/candor")).toBe(true);
    expect(isDataDirectoryError(fileError("ENOENT", "/app/.next/BUILD_ID"), "/data/candor")).toBe(false);
    expect(isDataDirectoryError(new Error("plain"), "/data/candor")).toBe(false);
  });

  it("check the real directory: a file where it should be is a StartupError, a good one is left clean", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "candor-datadir-"));
    roots.push(root);
    await writeFile(path.join(root, "file"), "not a directory");
    const blocked = path.join(root, "file", "candor");
    const error = await checkDataDirectory(blocked).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/^The data directory .*\/file\/candor cannot be used \(ENOTDIR\)/);

    const good = path.join(root, "a", "b");
    await checkDataDirectory(good);
    expect((await stat(good)).isDirectory()).toBe(true);
  });
});
