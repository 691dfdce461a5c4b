// Chromium prints to PDF but cannot show one headless; PDF.js (run in that
// same Chromium) draws each page on a canvas, and the screenshot of those
// canvases is the printed postmortem as a PNG to look at.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser } from "@playwright/test";

const require = createRequire(import.meta.url);
const pdfjsBuild = path.dirname(require.resolve("pdfjs-dist/build/pdf.min.mjs"));

const VIEWER = `<!doctype html><meta charset="utf-8"><title>PDF</title><link rel="icon" href="data:,">
<style>body{margin:0;background:#777;display:flex;flex-direction:column;gap:12px;align-items:center;padding:12px}canvas{background:#fff;box-shadow:0 1px 4px #0006}</style>
<script type="module">
  import * as pdfjs from "/pdf.min.mjs";
  pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.min.mjs";
  const pdf = await pdfjs.getDocument({ url: "/document.pdf" }).promise;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    document.body.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }
  document.body.dataset.pages = String(pdf.numPages);
</script>`;

/** Renders the PDF's pages, one under the other, into `pngPath`; returns the page count. */
export async function pdfToPng(browser: Browser, pdf: Buffer, pngPath: string): Promise<number> {
  const files: Record<string, () => Promise<{ type: string; body: Buffer | string }>> = {
    "/": async () => ({ type: "text/html", body: VIEWER }),
    "/pdf.min.mjs": async () => ({ type: "text/javascript", body: await readFile(path.join(pdfjsBuild, "pdf.min.mjs")) }),
    "/pdf.worker.min.mjs": async () => ({ type: "text/javascript", body: await readFile(path.join(pdfjsBuild, "pdf.worker.min.mjs")) }),
    "/document.pdf": async () => ({ type: "application/pdf", body: pdf }),
  };
  const server = createServer(async (request, response) => {
    const file = files[request.url ?? ""];
    if (!file) return void response.writeHead(404).end();
    const { type, body } = await file();
    response.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForSelector("body[data-pages]");
    await page.screenshot({ path: pngPath, fullPage: true });
    return Number(await page.locator("body").getAttribute("data-pages"));
  } finally {
    await context.close();
    server.close();
  }
}
