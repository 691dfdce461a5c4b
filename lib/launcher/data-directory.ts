// The data directory (CANDOR_DATA_DIR) checked before anything is started in
// it: a read-only mount, a full disk, missing permissions or a file in its
// place are said in one line with the directory, the cause and the fix,
// like the other start-up errors, instead of a stack trace from deep inside
// (initdb, a secrets file) or a misleading ENOENT.
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../database/embedded/errors";

interface FileError {
  code: string;
  path?: string;
  message: string;
}

const FILE_ERROR_CODES = new Set(["EROFS", "EACCES", "EPERM", "ENOSPC", "EDQUOT", "ENOTDIR", "EEXIST", "EISDIR", "ENOENT"]);

/** A Node file-system error this module can explain. */
export function isFileError(error: unknown): error is FileError {
  return error instanceof Error && FILE_ERROR_CODES.has((error as Partial<FileError>).code ?? "");
}

/** A file-system error on a path inside the data directory (elsewhere it is not the directory's fault). */
export function isDataDirectoryError(error: unknown, dataDir: string): error is FileError {
  if (!isFileError(error) || !error.path) return false;
  const relative = path.relative(path.resolve(dataDir), path.resolve(error.path));
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

function user(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? "?"}`;
  }
}

/** One line: which directory, what is wrong with it, what to do. */
export function describeFileError(error: FileError, dataDir: string): string {
  const where = error.path && path.resolve(error.path) !== path.resolve(dataDir) ? ` (at ${error.path})` : "";
  const elsewhere = "or set CANDOR_DATA_DIR to a writable directory";
  switch (error.code) {
    case "EROFS":
      return `The data directory ${dataDir} is on a read-only file system${where} (EROFS): Candor keeps its database, secrets and saved public pages there. Mount it read-write, ${elsewhere}.`;
    case "EACCES":
    case "EPERM":
      return `Candor, running as ${user()}, may not write to the data directory ${dataDir}${where} (${error.code}: permission denied). Give that user write access (chown -R ${user()} ${dataDir}), ${elsewhere}.`;
    case "ENOSPC":
    case "EDQUOT":
      return `The disk holding the data directory ${dataDir} is full${where} (${error.code}). Free space on it or grow the volume, ${elsewhere}, then start Candor again.`;
    case "ENOTDIR":
    case "EEXIST":
    case "EISDIR":
      return `The data directory ${dataDir} cannot be used${where} (${error.code}): a file stands where a directory is expected. Move that file away, ${elsewhere}.`;
    default:
      return `The data directory ${dataDir} cannot be used${where} (${error.code}): a directory above it is missing or was removed while Candor started. Create it, ${elsewhere}.`;
  }
}

/**
 * Node's recursive mkdir reports ENOENT when a directory above cannot be
 * created (a read-only mount, no permission): the real cause comes from
 * creating the first missing one alone.
 */
async function causeOf(error: unknown, dataDir: string): Promise<unknown> {
  if ((error as Partial<FileError>).code !== "ENOENT") return error;
  let first = path.resolve(dataDir);
  while (path.dirname(first) !== first && !(await stat(path.dirname(first)).catch(() => null))) first = path.dirname(first);
  return mkdir(first).then(
    () => error,
    (cause: unknown) => cause,
  );
}

/** Creates the directory if needed and writes and removes a small file in it; throws a StartupError saying what is wrong. */
export async function checkDataDirectory(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.candor-write-check-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, "Candor checks that it can write here at start.\n");
  } catch (thrown) {
    const error = await causeOf(thrown, dataDir);
    if (isFileError(error)) throw new StartupError(describeFileError(error, dataDir));
    throw error;
  } finally {
    await rm(probe, { force: true }).catch(() => {});
  }
}
