import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { describeFields } from "@/lib/api/reference";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API reference" };

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: { name: string; in: string; description?: string }[];
  requestBody?: { content: { "application/json": { schema: Parameters<typeof describeFields>[0] } } };
  responses: Record<string, { description: string }>;
};

const METHOD_CLASSES: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  post: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  patch: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  delete: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

// Rendered by Candor from its own OpenAPI document: no third-party viewer, nothing fetched from a CDN.
export default function ApiDocsPage() {
  const baseUrl = getEnv().PUBLIC_URL;
  const document = buildOpenApiDocument(baseUrl) as unknown as {
    info: { description: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
  const tags = [...new Set(operations.map((entry) => entry.operation.tags[0]!))];
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <header className="mb-8">
        <h1 className="text-3xl font-bold">Candor API reference</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Base URL <code className="font-mono">{baseUrl}/api/v1</code>. Send a token from Admin → API tokens as{" "}
          <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. Bodies are JSON; unknown fields are refused. Errors are{" "}
          <code className="font-mono">{'{ "error": { "code", "message", "field" } }'}</code>. POSTs accept an{" "}
          <code className="font-mono">Idempotency-Key</code> header. The machine-readable document is{" "}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
          .
        </p>
        <nav aria-label="Sections" className="mt-4">
          <ul className="flex flex-wrap gap-3 text-sm">
            {tags.map((tag) => (
              <li key={tag}>
                <a className="underline" href={`#${slug(tag)}`}>
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="space-y-10">
        {tags.map((tag) => (
          <section key={tag} aria-labelledby={slug(tag)}>
            <h2 id={slug(tag)} className="mb-4 text-2xl font-semibold">
              {tag}
            </h2>
            <div className="space-y-6">
              {operations
                .filter((entry) => entry.operation.tags[0] === tag)
                .map(({ path, method, operation }) => (
                  <OperationCard key={operation.operationId} path={path} method={method} operation={operation} />
                ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}

function OperationCard({ path, method, operation }: { path: string; method: string; operation: Operation }) {
  const fields = describeFields(operation.requestBody?.content["application/json"].schema);
  const [success, ...errors] = Object.entries(operation.responses);
  return (
    <article id={operation.operationId} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs uppercase ${METHOD_CLASSES[method] ?? ""}`}>{method}</span>
        <code className="font-mono text-base break-all">/api/v1{path}</code>
      </h3>
      <p className="mt-1 font-medium">{operation.summary}</p>
      {operation.description && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{operation.description}</p>}
      {fields.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="text-left text-sm font-semibold">Body fields</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-3">
                  Field
                </th>
                <th scope="col" className="py-1 pr-3">
                  Type
                </th>
                <th scope="col" className="py-1 pr-3">
                  Required
                </th>
                <th scope="col" className="py-1">
                  Notes
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {fields.map((field) => (
                <tr key={field.name}>
                  <td className="py-1 pr-3 font-mono text-xs">{field.name}</td>
                  <td className="py-1 pr-3">{field.type}</td>
                  <td className="py-1 pr-3">{field.isRequired ? "Yes" : "No"}</td>
                  <td className="py-1 text-slate-700 dark:text-slate-300">{field.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl className="mt-3 text-sm">
        <dt className="font-semibold">Answers</dt>
        <dd>
          <span className="font-mono">{success![0]}</span> {success![1].description}
        </dd>
        <dd className="text-slate-600 dark:text-slate-400">Errors: {errors.map(([status]) => status).join(", ")}</dd>
      </dl>
    </article>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
