/** A data table's header row; a column whose name is for screen readers only (an actions column) is written `{ hidden: "Actions" }`. */
export function TableHead({ columns }: { columns: (string | { hidden: string })[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-200 dark:border-slate-700">
        {columns.map((column) => (
          <th key={typeof column === "string" ? column : column.hidden} scope="col" className="py-2 pr-3 whitespace-nowrap">
            {typeof column === "string" ? column : <span className="sr-only">{column.hidden}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
