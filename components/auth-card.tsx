import type { ReactNode } from "react";

/** The centred card used by set-up, sign-in and invitation pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="space-y-2">
          <p className="text-sm font-semibold tracking-wide text-blue-700 dark:text-blue-400">Candor</p>
          <h1 className="text-2xl font-bold">{title}</h1>
          {intro && <div className="text-sm text-slate-600 dark:text-slate-300">{intro}</div>}
        </div>
        {children}
      </div>
    </main>
  );
}
