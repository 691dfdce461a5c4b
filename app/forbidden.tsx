import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-700 dark:text-red-400">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-bold">Your role cannot open this page</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Ask an admin to change your role if you need it.</p>
      <Link href="/admin" className="mt-6 inline-block font-semibold text-blue-700 underline dark:text-blue-400">
        Back to the admin
      </Link>
    </main>
  );
}
