// `npm run export`: the mirror's files written to a folder, laid out by URL
// path, with a manifest of what was written so the next export into the same
// folder removes pages that were unpublished since.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MirrorFile } from "./build-mirror";

/** The export's own list of files, kept in the folder (a static host serves it like any file; it holds nothing secret). */
export const FOLDER_MANIFEST = ".candor-mirror.json";

async function previousFiles(folder: string): Promise<string[]> {
  const text = await readFile(path.join(folder, FOLDER_MANIFEST), "utf8").catch(() => null);
  if (text === null) return [];
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((file): file is string => typeof file === "string") : [];
  } catch {
    return [];
  }
}

/** Inside the folder, never above it (a manifest could be edited by hand). */
function inside(folder: string, file: string): string | null {
  const target = path.resolve(folder, file);
  return target.startsWith(path.resolve(folder) + path.sep) ? target : null;
}

/**
 * Writes every file (pages last, the front page at the very end, so a
 * reader of a half-written folder never follows a link to a missing page),
 * then removes what the last export wrote and this one did not.
 */
export async function writeMirrorFolder(folder: string, files: MirrorFile[]): Promise<{ written: number; removed: number }> {
  await mkdir(folder, { recursive: true });
  const before = await previousFiles(folder);
  for (const file of orderForUpload(files)) {
    const target = inside(folder, file.file);
    if (!target || !file.body) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.body);
  }
  const now = new Set(files.map((file) => file.file));
  let removed = 0;
  for (const file of before) {
    const target = now.has(file) ? null : inside(folder, file);
    if (!target) continue;
    await rm(target, { force: true });
    removed++;
  }
  await writeFile(path.join(folder, FOLDER_MANIFEST), JSON.stringify({ files: [...now].sort() }, null, 1));
  return { written: files.length, removed };
}

const UPLOAD_ORDER: Record<MirrorFile["kind"], number> = { asset: 0, data: 1, page: 2, front: 3 };

/** Assets before the pages that load them, pages before the front page that links them. */
export function orderForUpload<T extends Pick<MirrorFile, "kind" | "file">>(files: T[]): T[] {
  return [...files].sort((a, b) => UPLOAD_ORDER[a.kind] - UPLOAD_ORDER[b.kind] || depthOf(b.file) - depthOf(a.file));
}

/** Deeper pages first: an incident page before the history page that links it. */
function depthOf(file: string): number {
  return file.split("/").length;
}
