"use client";

import { FieldError, FormMessage, buttonClasses } from "@/components/form-controls";
import { useActionForm } from "@/components/use-action-form";
import type { LogoVariant } from "@/lib/settings/logo";
import { removeLogoAction, uploadLogoAction } from "./actions";

const LABELS: Record<LogoVariant, { title: string; hint: string }> = {
  light: { title: "Logo for light mode", hint: "Shown in the status page's header and in emails, in place of the page name." },
  dark: { title: "Logo for dark mode (optional)", hint: "Shown instead when the reader's system prefers a dark scheme." },
};

/** Upload or remove one variant of the logo (stored by Candor, served at /logo/<variant>). */
export function LogoForm({ variant, hash, canEdit }: { variant: LogoVariant; hash: string | null; canEdit: boolean }) {
  const upload = useActionForm(uploadLogoAction);
  const removal = useActionForm(removeLogoAction);
  const id = `logo-${variant}`;
  const errors = upload.errors?.file ?? upload.errors?.variant;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {LABELS[variant].title}
      </h3>
      {hash ? (
        <div
          className={`inline-block rounded-md border border-slate-300 p-2 dark:border-slate-700 ${variant === "dark" ? "bg-slate-900" : "bg-white"}`}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- the uploaded logo, served by Candor itself */}
          <img src={`/logo/${variant}?v=${hash}`} alt={`Current ${variant} logo`} className="h-10 w-auto" />
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">None uploaded.</p>
      )}
      {canEdit && (
        <div className="flex flex-wrap items-end gap-3">
          <form action={upload.formAction} className="space-y-1" noValidate>
            <input type="hidden" name="variant" value={variant} />
            <label htmlFor={id} className="block text-sm font-medium">
              Upload a {variant} logo
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                id={id}
                name="file"
                type="file"
                accept="image/png,image/webp"
                aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
                aria-invalid={Boolean(errorId)}
                className="text-sm"
              />
              <button type="submit" className={buttonClasses.secondary} disabled={upload.isPending}>
                {upload.isPending ? "Uploading…" : "Upload"}
              </button>
            </div>
            <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
              {LABELS[variant].hint} PNG or WebP (export an SVG as PNG), at most 512 KB, 16–4096 px a side; about 40 px tall is shown.
            </p>
            <FieldError id={errorId} errors={errors} />
            <FormMessage state={upload.state} />
          </form>
          {hash && (
            <form action={removal.formAction}>
              <input type="hidden" name="variant" value={variant} />
              <button type="submit" className={buttonClasses.secondary} disabled={removal.isPending}>
                Remove the {variant} logo
              </button>
            </form>
          )}
        </div>
      )}
      {/* Outside the removal form, which goes with the logo it removed. */}
      <FormMessage state={removal.state} />
    </section>
  );
}
