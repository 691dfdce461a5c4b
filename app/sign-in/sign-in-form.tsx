"use client";

import { useState, type FormEvent } from "react";
import { createAuthClient } from "better-auth/react";
import { FormMessage, TextField, buttonClasses } from "@/components/form-controls";

const authClient = createAuthClient();

export function SignInForm() {
  const [message, setMessage] = useState<string | undefined>();
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(undefined);
    const { error } = await authClient.signIn.email({
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    });
    if (!error) {
      // A full load, so the admin's server components render with the new session cookie.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/admin");
      return;
    }
    setPending(false);
    setMessage(describeSignInError(error.status));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <TextField name="email" label="Email" type="email" autoComplete="email" required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      <FormMessage state={message ? { ok: false, message } : null} />
      <button type="submit" className={`${buttonClasses.primary} w-full`} disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

function describeSignInError(status: number): string {
  if (status === 429) return "Too many sign-in attempts. Wait a minute, then try again.";
  // One message for unknown email and wrong password: no account enumeration.
  if (status === 400 || status === 401 || status === 403) return "Email or password is incorrect.";
  return "Candor could not sign you in right now. Try again in a moment.";
}
