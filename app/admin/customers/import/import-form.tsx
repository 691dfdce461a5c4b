"use client";

import { useState } from "react";
import { Panel } from "@/components/page-header";
import { CSV_MAX_BYTES, type ColumnMapping } from "@/lib/customers/csv-rows";
import type { ImportPreview, ImportReport } from "@/lib/customers/import-csv";
import { importAction, previewImportAction } from "../actions";
import { ColumnMappingPanel } from "./column-mapping";
import { ReviewPanel } from "./review-panel";

/** Customer CSV import: choose the file (here), check the columns (column-mapping.tsx), review and import (review-panel.tsx). */
export function ImportForm({ fields }: { fields: { key: string; label: string }[] }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipBadRows, setSkipBadRows] = useState(false);

  async function check(text: string, columns: ColumnMapping | null) {
    setBusy(true);
    setError(null);
    setReport(null);
    const formData = new FormData();
    formData.set("csv", text);
    formData.set("mapping", columns ? JSON.stringify(columns) : "");
    const result = await previewImportAction(formData).catch(() => null);
    setBusy(false);
    if (!result) return setError("Could not reach Candor. Try again.");
    if (!result.ok) {
      setPreview(null);
      return setError(result.message);
    }
    setPreview(result.data);
    setMapping(result.data.mapping);
  }

  async function choose(file: File | undefined) {
    setPreview(null);
    setReport(null);
    setError(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > CSV_MAX_BYTES)
      return setError(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${CSV_MAX_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
      );
    const text = await file.text();
    setCsv(text);
    await check(text, null);
  }

  async function runImport() {
    if (!csv) return;
    setBusy(true);
    const formData = new FormData();
    formData.set("csv", csv);
    formData.set("mapping", mapping ? JSON.stringify(mapping) : "");
    formData.set("skipBadRows", String(skipBadRows));
    const result = await importAction(formData).catch(() => null);
    setBusy(false);
    if (!result) return setError("Could not reach Candor. Nothing was imported; try again.");
    if (!result.ok) return setError(`${result.message} Nothing was imported.`);
    setReport(result.data);
    setPreview(null);
  }

  return (
    <div className="space-y-6">
      <Panel title="1. Choose the file">
        <label className="block text-sm font-medium" htmlFor="csv-file">
          CSV file
        </label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void choose(event.target.files?.[0])}
          className="mt-1 block text-sm"
          aria-describedby="csv-file-hint"
        />
        <p id="csv-file-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Columns Candor understands: email (required), name, first name, company, account id, plan, monthly amount, currency, components
          (names, separated by ;), tags.
        </p>
        {busy && (
          <p role="status" className="mt-2 text-sm">
            Reading {fileName}…
          </p>
        )}
        {error && (
          <p
            role="alert"
            className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        )}
      </Panel>

      {preview && mapping && csv && (
        <>
          <ColumnMappingPanel
            fields={fields}
            headers={preview.headers}
            mapping={mapping}
            onChange={(next) => {
              setMapping(next);
              void check(csv, next);
            }}
          />
          <ReviewPanel
            preview={preview}
            busy={busy}
            skipBadRows={skipBadRows}
            onSkipBadRowsChange={setSkipBadRows}
            onImport={() => void runImport()}
          />
        </>
      )}

      {report && (
        <Panel title="Imported">
          <p role="status" className="text-sm">
            ✓ {report.created.toLocaleString("en")} added, {report.updated.toLocaleString("en")} updated
            {report.skipped > 0 &&
              `, ${report.skipped} skipped (lines ${report.skippedLines.slice(0, 20).join(", ")}${report.skippedLines.length > 20 ? "…" : ""})`}
            .
          </p>
        </Panel>
      )}
    </div>
  );
}
