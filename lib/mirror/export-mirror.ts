// Builds the mirror from a Candor reachable over HTTP and writes it to a folder.
import "server-only";
import { getPageSettings } from "../settings/queries";
import { buildMirror } from "./build-mirror";
import { createHttpRenderer } from "./http-render";
import { listMirrorPages } from "./queries";
import { writeMirrorFolder } from "./write-folder";

export async function exportMirror(folder: string, origin: string): Promise<{ written: number; removed: number }> {
  const [settings, listing] = await Promise.all([getPageSettings(), listMirrorPages()]);
  const files = await buildMirror({ render: createHttpRenderer(origin), listing, publicUrl: settings.effectivePublicUrl });
  return writeMirrorFolder(folder, files);
}
