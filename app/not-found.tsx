import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500 dark:text-slate-400">404</p>
      <h1 className="mt-2 text-2xl font-bold">There is nothing here</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">The address may be mistyped, or the page was removed.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-blue-700 underline dark:text-blue-400">
        Go to the status page
      </Link>
    </main>
  );
}
