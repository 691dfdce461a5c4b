"use client";

import { useState } from "react";
import { buttonClasses } from "@/components/form-controls";
import { Panel } from "@/components/page-header";
import { CSV_MAX_BYTES, type ColumnMapping } from "@/lib/customers/csv-rows";
import type { ImportPreview, ImportReport } from "@/lib/customers/import-csv";
import { importAction, previewImportAction } from "../actions";
import { TableHead } from "@/components/table-head";

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
          <Panel title="2. Check the columns">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {fields.map((field) => (
                <div key={field.key} className="text-sm">
                  <label htmlFor={`column-${field.key}`} className="block font-medium">
                    {field.label}
                  </label>
                  <select
                    id={`column-${field.key}`}
                    value={mapping[field.key as keyof ColumnMapping] ?? ""}
                    onChange={(event) => {
                      const next = { ...mapping, [field.key]: event.target.value === "" ? null : Number(event.target.value) };
                      setMapping(next);
                      void check(csv, next);
                    }}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
                  >
                    <option value="">(not in the file)</option>
                    {preview.headers.map((header, index) => (
                      <option key={index} value={index}>
                        Column {index + 1}: {header || "(no name)"}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </Panel>
          <Panel title="3. Review">
            <p role="status" className="text-sm">
              {preview.total.toLocaleString("en")} rows: <strong>{preview.toCreate.toLocaleString("en")} new</strong>,{" "}
              <strong>{preview.toUpdate.toLocaleString("en")} updated</strong>
              {preview.invalid > 0 && (
                <>
                  , <strong className="text-red-700 dark:text-red-400">{preview.invalid.toLocaleString("en")} with problems</strong>
                </>
              )}
              . This was a dry run: nothing is saved until you import.
            </p>
            {preview.problems.length > 0 && (
              <div className="mt-4 max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Rows with problems">
                <table className="w-full text-left text-sm">
                  <TableHead columns={["Line", "What is wrong"]} />
                  <tbody>
                    {preview.problems.map((problem) => (
                      <tr key={problem.line} className="border-b border-slate-100 align-top dark:border-slate-800">
                        <td className="py-1 pr-3 font-mono">{problem.line}</td>
                        <td className="py-1">{problem.problems.join(" ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.invalid > preview.problems.length && (
                  <p className="mt-2 text-sm">…and {preview.invalid - preview.problems.length} more.</p>
                )}
              </div>
            )}
            <div className="mt-4 flex flex-wrap items-center gap-4">
              {preview.invalid > 0 && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={skipBadRows} onChange={(event) => setSkipBadRows(event.target.checked)} />
                  {preview.invalid === 1
                    ? "Skip the row with problems"
                    : `Skip the ${preview.invalid.toLocaleString("en")} rows with problems`}
                </label>
              )}
              <button
                type="button"
                className={buttonClasses.primary}
                disabled={busy || preview.valid === 0 || (preview.invalid > 0 && !skipBadRows)}
                onClick={() => void runImport()}
              >
                Import {preview.valid.toLocaleString("en")} customers
              </button>
            </div>
          </Panel>
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
