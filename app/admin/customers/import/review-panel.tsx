import { buttonClasses } from "@/components/form-controls";
import { Panel } from "@/components/page-header";
import { TableHead } from "@/components/table-head";
import type { ImportPreview } from "@/lib/customers/import-csv";

/** Step 3: the dry run's counts and every bad row with its line, then the import (bad rows skipped only when asked). */
export function ReviewPanel({
  preview,
  busy,
  skipBadRows,
  onSkipBadRowsChange,
  onImport,
}: {
  preview: ImportPreview;
  busy: boolean;
  skipBadRows: boolean;
  onSkipBadRowsChange: (skip: boolean) => void;
  onImport: () => void;
}) {
  return (
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
            <input type="checkbox" checked={skipBadRows} onChange={(event) => onSkipBadRowsChange(event.target.checked)} />
            {preview.invalid === 1 ? "Skip the row with problems" : `Skip the ${preview.invalid.toLocaleString("en")} rows with problems`}
          </label>
        )}
        <button
          type="button"
          className={buttonClasses.primary}
          disabled={busy || preview.valid === 0 || (preview.invalid > 0 && !skipBadRows)}
          onClick={onImport}
        >
          Import {preview.valid.toLocaleString("en")} customers
        </button>
      </div>
    </Panel>
  );
}
